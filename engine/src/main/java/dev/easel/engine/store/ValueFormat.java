package dev.easel.engine.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The binary form of one column value, shared by stored rows ({@link RowCodec}) and the host's undo steps: a tag
 * byte, then a zig-zag varint for an integer, 8 big-endian bytes for a double, length-prefixed UTF-8 for text
 * and length-prefixed bytes for a byte string. Null and booleans are the tag alone.
 */
public final class ValueFormat {
    // The tags: only this package writes them (stored rows size theirs exactly), others go through Writer.
    static final int NULL = 0;
    static final int FALSE = 1;
    static final int TRUE = 2;
    static final int LONG = 3;
    static final int DOUBLE = 4;
    static final int STRING = 5;
    static final int BYTES = 6;

    private ValueFormat() {
    }

    /** Zig-zag: small negative integers take as few bytes as small positive ones. */
    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long z) {
        return (z >>> 1) ^ -(z & 1);
    }

    /** Reads values from one array; {@code what} names the data in the error a damaged value raises. */
    public static final class Reader {
        private final byte[] data;
        private final String what;
        private int at;

        public Reader(byte[] data, String what) {
            this.data = data;
            this.what = what;
        }

        public int read() {
            return data[at++] & 0xFF;
        }

        public long varint() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                int b = read();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
        }

        public String string() {
            int len = (int) varint();
            String s = new String(data, at, len, StandardCharsets.UTF_8);
            at += len;
            return s;
        }

        public Object value() {
            int tag = read();
            return switch (tag) {
                case NULL -> null;
                case FALSE -> Boolean.FALSE;
                case TRUE -> Boolean.TRUE;
                case LONG -> unzigzag(varint());
                case DOUBLE -> {
                    long bits = 0;
                    for (int i = 0; i < 8; i++) {
                        bits = (bits << 8) | read();
                    }
                    yield Double.longBitsToDouble(bits);
                }
                case STRING -> string();
                case BYTES -> {
                    int len = (int) varint();
                    byte[] b = new byte[len];
                    System.arraycopy(data, at, b, 0, len);
                    at += len;
                    yield b;
                }
                default -> throw new IllegalStateException(what + " is damaged: unknown value tag " + tag);
            };
        }
    }

    /** Writes values to a growing buffer (stored rows size theirs exactly instead: they are on the durable path). */
    public static final class Writer extends ByteArrayOutputStream {
        public Writer() {
            super(64);
        }

        public void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            write((int) v);
        }

        public void string(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length);
            write(utf8, 0, utf8.length);
        }

        /** Writes a value of a column type: null, Boolean, Long, Double, String or byte[]. */
        public void value(Object v) {
            if (v == null) {
                write(NULL);
            } else if (v instanceof Boolean b) {
                write(b ? TRUE : FALSE);
            } else if (v instanceof Long l) {
                write(LONG);
                varint(zigzag(l));
            } else if (v instanceof Double d) {
                write(DOUBLE);
                long bits = Double.doubleToRawLongBits(d);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    write((int) (bits >>> shift));
                }
            } else if (v instanceof String s) {
                write(STRING);
                string(s);
            } else if (v instanceof byte[] b) {
                write(BYTES);
                varint(b.length);
                write(b, 0, b.length);
            } else {
                throw new IllegalArgumentException("cannot store a " + v.getClass().getName());
            }
        }
    }
}
