package dev.easel.engine.store;

import java.io.ByteArrayOutputStream;
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
        Out out = new Out(16 + values.length * 8);
        out.varint(values.length);
        for (Object v : values) {
            if (v == null) {
                out.write(NULL);
            } else if (v instanceof Boolean b) {
                out.write(b ? TRUE : FALSE);
            } else if (v instanceof Long l) {
                out.write(LONG);
                out.varint((l << 1) ^ (l >> 63));
            } else if (v instanceof Double d) {
                out.write(DOUBLE);
                long bits = Double.doubleToRawLongBits(d);
                for (int i = 56; i >= 0; i -= 8) {
                    out.write((int) (bits >>> i));
                }
            } else if (v instanceof String s) {
                out.write(STRING);
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                out.varint(utf8.length);
                out.write(utf8, 0, utf8.length);
            } else if (v instanceof byte[] b) {
                out.write(BYTES);
                out.varint(b.length);
                out.write(b, 0, b.length);
            } else {
                throw new IllegalArgumentException("cannot store a " + v.getClass().getName());
            }
        }
        return out.toByteArray();
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

    private static final class Out extends ByteArrayOutputStream {
        Out(int size) {
            super(size);
        }

        void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            write((int) v);
        }
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
