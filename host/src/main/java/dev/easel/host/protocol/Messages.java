package dev.easel.host.protocol;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Value equality and readable text for messages. The records hold arrays (rows, byte strings, column ids),
 * whose {@code equals} and {@code toString} are by identity; these helpers compare and print by content.
 */
public final class Messages {
    private Messages() {
    }

    /**
     * True when {@code a} and {@code b} hold the same values: records component by component, arrays, lists
     * and maps element by element, doubles as {@link Double#equals} (so {@code -0.0 != 0.0}, NaN equals NaN).
     * Map order is ignored; list order is not.
     */
    public static boolean equal(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof int[] x && b instanceof int[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof long[] x && b instanceof long[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof Object[] x && b instanceof Object[] y) {
            if (x.length != y.length) {
                return false;
            }
            for (int i = 0; i < x.length; i++) {
                if (!equal(x[i], y[i])) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext()) {
                if (!equal(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Record && a.getClass() == b.getClass()) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                if (!equal(read(c, a), read(c, b))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Like {@code toString}, but shows arrays by content and byte strings as hex. */
    public static String toString(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v) {
        if (v instanceof byte[] b) {
            sb.append("0x");
            for (int i = 0; i < b.length && i < 64; i++) {
                sb.append(Character.forDigit((b[i] >> 4) & 15, 16)).append(Character.forDigit(b[i] & 15, 16));
            }
            if (b.length > 64) {
                sb.append("...(").append(b.length).append(" bytes)");
            }
        } else if (v instanceof int[] a) {
            sb.append(Arrays.toString(a));
        } else if (v instanceof Object[] a) {
            appendAll(sb, Arrays.asList(a));
        } else if (v instanceof List<?> l) {
            appendAll(sb, l);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(sep);
                append(sb, e.getKey());
                sb.append('=');
                append(sb, e.getValue());
                sep = ", ";
            }
            sb.append('}');
        } else if (v instanceof String s) {
            sb.append('"').append(s.length() > 200 ? s.substring(0, 200) + "..." : s).append('"');
        } else if (v instanceof Record r) {
            sb.append(r.getClass().getSimpleName()).append('[');
            String sep = "";
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                sb.append(sep).append(c.getName()).append('=');
                append(sb, read(c, r));
                sep = ", ";
            }
            sb.append(']');
        } else {
            sb.append(v);
        }
    }

    private static void appendAll(StringBuilder sb, Iterable<?> items) {
        sb.append('[');
        String sep = "";
        for (Object o : items) {
            sb.append(sep);
            append(sb, o);
            sep = ", ";
        }
        sb.append(']');
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    /** For encoders: refuses a null where the protocol needs a value. */
    static <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return value;
    }
}
