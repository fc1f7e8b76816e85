package dev.easel.engine.store;

import dev.easel.engine.table.Row;
import java.nio.charset.StandardCharsets;

/**
 * The compact binary form a stored row takes: per value a tag byte, then zig-zag varints for integers,
 * 8 bytes for doubles, length-prefixed UTF-8 for text and length-prefixed bytes.
 */
final class RowCodec {
    private static final int NULL = 0;
    private static final int FALSE = 1;
    private static final int TRUE = 2;
    private static final int LONG = 3;
    private static final int DOUBLE = 4;
    private static final int STRING = 5;
    private static final int BYTES = 6;

    private RowCodec() {
    }

    static byte[] encode(Object[] values) {
        return encode(values, null);
    }

    /** Encodes a row without copying its values out first. */
    static byte[] encode(Row row) {
        return encode(null, row);
    }

    /**
     * Sizes the encoding exactly, then writes it into one array: no growing buffer, no copy at the end, no
     * synchronized stream. The group committer encodes every changed row, so this sits on the durable path.
     */
    private static byte[] encode(Object[] array, Row row) {
        int n = array != null ? array.length : row.size();
        int size = varintSize(n);
        byte[][] utf8 = null; // the UTF-8 of strings beyond ASCII, encoded once while sizing
        for (int i = 0; i < n; i++) {
            Object v = array != null ? array[i] : row.get(i);
            size += 1;
            if (v == null || v instanceof Boolean) {
                continue;
            }
            if (v instanceof Long l) {
                size += varintSize((l << 1) ^ (l >> 63));
            } else if (v instanceof Double) {
                size += 8;
            } else if (v instanceof String s) {
                int len = s.length();
                if (!isAscii(s)) {
                    if (utf8 == null) {
                        utf8 = new byte[n][];
                    }
                    utf8[i] = s.getBytes(StandardCharsets.UTF_8);
                    len = utf8[i].length;
                }
                size += varintSize(len) + len;
            } else if (v instanceof byte[] b) {
                size += varintSize(b.length) + b.length;
            } else {
                throw new IllegalArgumentException("cannot store a " + v.getClass().getName());
            }
        }
        byte[] out = new byte[size];
        int at = putVarint(out, 0, n);
        for (int i = 0; i < n; i++) {
            Object v = array != null ? array[i] : row.get(i);
            if (v == null) {
                out[at++] = NULL;
            } else if (v instanceof Boolean b) {
                out[at++] = (byte) (b ? TRUE : FALSE);
            } else if (v instanceof Long l) {
                out[at++] = LONG;
                at = putVarint(out, at, (l << 1) ^ (l >> 63));
            } else if (v instanceof Double d) {
                out[at++] = DOUBLE;
                long bits = Double.doubleToRawLongBits(d);
                for (int k = 56; k >= 0; k -= 8) {
                    out[at++] = (byte) (bits >>> k);
                }
            } else if (v instanceof String s) {
                out[at++] = STRING;
                if (utf8 != null && utf8[i] != null) {
                    at = putVarint(out, at, utf8[i].length);
                    System.arraycopy(utf8[i], 0, out, at, utf8[i].length);
                    at += utf8[i].length;
                } else {
                    at = putAscii(out, at, s);
                }
            } else {
                byte[] b = (byte[]) v;
                out[at++] = BYTES;
                at = putVarint(out, at, b.length);
                System.arraycopy(b, 0, out, at, b.length);
                at += b.length;
            }
        }
        return out;
    }

    private static int varintSize(long v) {
        int size = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            size++;
        }
        return size;
    }

    private static int putVarint(byte[] out, int at, long v) {
        while ((v & ~0x7FL) != 0) {
            out[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[at++] = (byte) v;
        return at;
    }

    private static boolean isAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static int putAscii(byte[] out, int at, String s) {
        int n = s.length();
        at = putVarint(out, at, n);
        for (int i = 0; i < n; i++) {
            out[at++] = (byte) s.charAt(i);
        }
        return at;
    }

    static Object[] decode(byte[] data) {
        In in = new In(data);
        int n = (int) in.varint();
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            int tag = in.read();
            switch (tag) {
                case NULL -> values[i] = null;
                case FALSE -> values[i] = Boolean.FALSE;
                case TRUE -> values[i] = Boolean.TRUE;
                case LONG -> {
                    long z = in.varint();
                    values[i] = (z >>> 1) ^ -(z & 1);
                }
                case DOUBLE -> {
                    long bits = 0;
                    for (int k = 0; k < 8; k++) {
                        bits = (bits << 8) | in.read();
                    }
                    values[i] = Double.longBitsToDouble(bits);
                }
                case STRING -> {
                    int len = (int) in.varint();
                    values[i] = new String(data, in.skip(len), len, StandardCharsets.UTF_8);
                }
                case BYTES -> {
                    int len = (int) in.varint();
                    byte[] b = new byte[len];
                    System.arraycopy(data, in.skip(len), b, 0, len);
                    values[i] = b;
                }
                default -> throw new IllegalStateException("corrupt row: unknown tag " + tag);
            }
        }
        return values;
    }

    private static final class In {
        private final byte[] data;
        private int at;

        In(byte[] data) {
            this.data = data;
        }

        int read() {
            return data[at++] & 0xFF;
        }

        int skip(int n) {
            int start = at;
            at += n;
            return start;
        }

        long varint() {
            long v = 0;
            int shift = 0;
            while (true) {
                int b = read();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
                shift += 7;
            }
        }
    }
}
