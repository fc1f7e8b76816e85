package dev.easel.host.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes row values and call arguments with one codec's generator {@code G}. The rules both encodings share
 * live here: which Java types a value may be, the string and byte-string limits, string map keys and the
 * nesting depth. A codec says only how the kinds its generator has no one way for are spelled.
 */
abstract class ValueWriter<G extends JsonGenerator> {
    abstract void writeDouble(G g, double v) throws IOException;

    /** {@code b} is within {@link Limits#MAX_STRING}. */
    abstract void writeBytes(G g, byte[] b) throws IOException;

    abstract void startList(G g, int size) throws IOException;

    abstract void startMap(G g, Map<?, ?> map) throws IOException;

    void endMap(G g, Map<?, ?> map) throws IOException {
        g.writeEndObject();
    }

    /** Row values and primary keys: null, Boolean, Long, Double, String, byte[] (and narrower numbers). */
    final void scalar(G g, Object v) throws IOException {
        if (!writeIfScalar(g, v)) {
            throw new IllegalArgumentException("a row value must be null, Boolean, Long, Double, String or "
                    + "byte[], got " + Messages.typeName(v));
        }
    }

    final void nullableText(G g, String s) throws IOException {
        if (s == null) {
            g.writeNull();
        } else {
            checkLength(s.length(), "string");
            g.writeString(s);
        }
    }

    final void bytes(G g, byte[] b) throws IOException {
        checkLength(b.length, "byte string");
        writeBytes(g, b);
    }

    /** A call argument or result: a scalar, or a list or string-keyed map at nesting {@code level}. */
    final void value(G g, Object v, int level) throws IOException {
        if (writeIfScalar(g, v)) {
            return;
        }
        if (v instanceof List<?> list) {
            checkLevel(level);
            startList(g, list.size());
            for (Object item : list) {
                value(g, item, level + 1);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> map) {
            map(g, map, level);
        } else {
            throw new IllegalArgumentException("a value must be null, Boolean, Long, Double, String, byte[], "
                    + "List or Map, got " + Messages.typeName(v));
        }
    }

    final void map(G g, Map<?, ?> map, int level) throws IOException {
        checkLevel(level);
        startMap(g, map);
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("map keys must be strings, got " + Messages.typeName(e.getKey()));
            }
            checkLength(key.length(), "string");
            g.writeFieldName(key);
            value(g, e.getValue(), level + 1);
        }
        endMap(g, map);
    }

    static void checkLength(int length, String what) {
        if (length > Limits.MAX_STRING) {
            throw new IllegalArgumentException("a " + what + " of " + length + " is over the limit of "
                    + Limits.MAX_STRING);
        }
    }

    private boolean writeIfScalar(G g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            nullableText(g, s);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            writeDouble(g, ((Number) v).doubleValue());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof byte[] b) {
            bytes(g, b);
        } else {
            return false;
        }
        return true;
    }

    private static void checkLevel(int level) {
        if (level > Limits.MAX_VALUE_DEPTH) {
            throw new IllegalArgumentException("a value nests deeper than " + Limits.MAX_VALUE_DEPTH + " levels");
        }
    }
}
