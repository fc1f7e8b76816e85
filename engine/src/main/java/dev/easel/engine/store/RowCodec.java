package dev.easel.engine.store;

import static dev.easel.engine.store.ValueFormat.BYTES;
import static dev.easel.engine.store.ValueFormat.DOUBLE;
import static dev.easel.engine.store.ValueFormat.FALSE;
import static dev.easel.engine.store.ValueFormat.LONG;
import static dev.easel.engine.store.ValueFormat.NULL;
import static dev.easel.engine.store.ValueFormat.STRING;
import static dev.easel.engine.store.ValueFormat.TRUE;

import dev.easel.engine.table.Row;
import java.nio.charset.StandardCharsets;

/** The compact binary form a stored row takes: a varint count, then each value in {@link ValueFormat}. */
final class RowCodec {
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
                size += varintSize(ValueFormat.zigzag(l));
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
                at = putVarint(out, at, ValueFormat.zigzag(l));
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
        ValueFormat.Reader in = new ValueFormat.Reader(data, "a stored row");
        Object[] values = new Object[(int) in.varint()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.value();
        }
        return values;
    }
}
