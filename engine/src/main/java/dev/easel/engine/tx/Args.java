package dev.easel.engine.tx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reducer's named arguments: booleans, longs, doubles, strings, byte arrays, lists and string-keyed maps
 * of them. The typed getters refuse anything else with a {@code bad_argument} error naming the argument.
 */
public final class Args {
    public static final Args EMPTY = new Args(Collections.emptyMap());

    private final Map<String, Object> values;

    public Args(Map<String, Object> values) {
        this.values = values;
    }

    /** Builds arguments from alternating names and values: {@code Args.of("id", "n1", "x", 10.0)}. */
    public static Args of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Args(map);
    }

    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public Object raw(String name) {
        return values.get(name);
    }

    public String string(String name) {
        Object v = require(name);
        if (v instanceof String s) {
            return s;
        }
        throw wrongType(name, "a string", v);
    }

    public String string(String name, String fallback) {
        return has(name) ? string(name) : fallback;
    }

    public long i64(String name) {
        Object v = require(name);
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p53) {
            return d.longValue();
        }
        throw wrongType(name, "an integer", v);
    }

    public long i64(String name, long fallback) {
        return has(name) ? i64(name) : fallback;
    }

    /** A finite number: NaN and infinities are refused here so no reducer has to remember to. */
    public double f64(String name) {
        Object v = require(name);
        if (v instanceof Number n && !(v instanceof Boolean)) {
            double d = n.doubleValue();
            if (Double.isFinite(d)) {
                return d;
            }
            throw ReducerException.badArgument("argument '" + name + "' must be a finite number, got " + d);
        }
        throw wrongType(name, "a number", v);
    }

    public double f64(String name, double fallback) {
        return has(name) ? f64(name) : fallback;
    }

    public boolean bool(String name) {
        Object v = require(name);
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongType(name, "true or false", v);
    }

    public boolean bool(String name, boolean fallback) {
        return has(name) ? bool(name) : fallback;
    }

    public byte[] bytes(String name) {
        Object v = require(name);
        if (v instanceof byte[] b) {
            return b;
        }
        throw wrongType(name, "bytes", v);
    }

    public List<Object> list(String name) {
        Object v = require(name);
        if (v instanceof List<?> l) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) l;
            return list;
        }
        throw wrongType(name, "a list", v);
    }

    /** A nested object argument, itself read with the same typed getters. */
    public Args object(String name) {
        return asArgs(name, require(name));
    }

    /** The elements of a list argument that are objects, each as {@link Args}. */
    public List<Args> objects(String name) {
        List<Object> list = list(name);
        Args[] out = new Args[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = asArgs(name + "[" + i + "]", list.get(i));
        }
        return List.of(out);
    }

    @SuppressWarnings("unchecked")
    private static Args asArgs(String name, Object v) {
        if (v instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                if (!(k instanceof String)) {
                    throw wrongType(name, "an object with text keys", v);
                }
            }
            return new Args((Map<String, Object>) m);
        }
        throw wrongType(name, "an object", v);
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw ReducerException.badArgument("missing argument '" + name + "'");
        }
        return v;
    }

    private static ReducerException wrongType(String name, String expected, Object got) {
        return ReducerException.badArgument("argument '" + name + "' must be " + expected + ", got "
                + dev.easel.engine.schema.Values.describe(got));
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
