package dev.easel.host.canvas;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact form of a {@link ChangeSet} kept in {@code operation.changes}: a version byte, a dictionary of
 * the table and field names used (so each is spelt once per step, and steps stay readable after columns are
 * added), then per row: table, id, whether it existed before and after, and the before and after values of
 * its fields. Numbers are varints or 8-byte doubles, text is length-prefixed UTF-8.
 */
final class ChangeCodec {
    private static final int VERSION = 1;
    private static final int NULL = 0;
    private static final int FALSE = 1;
    private static final int TRUE = 2;
    private static final int LONG = 3;
    private static final int DOUBLE = 4;
    private static final int STRING = 5;
    private static final int EXISTED_BEFORE = 1;
    private static final int EXISTS_AFTER = 2;

    static final byte[] EMPTY = encode(new ChangeSet());

    private ChangeCodec() {
    }

    static byte[] encode(ChangeSet changes) {
        Map<String, Integer> dictionary = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (ChangeSet.RowEdit e : changes.edits()) {
            index(dictionary, names, e.table);
            e.before.keySet().forEach(k -> index(dictionary, names, k));
            e.after.keySet().forEach(k -> index(dictionary, names, k));
        }
        Out out = new Out();
        out.write(VERSION);
        out.varint(names.size());
        names.forEach(out::string);
        out.varint(changes.size());
        for (ChangeSet.RowEdit e : changes.edits()) {
            out.varint(dictionary.get(e.table));
            out.string(e.id);
            out.write((e.existedBefore ? EXISTED_BEFORE : 0) | (e.existsAfter ? EXISTS_AFTER : 0));
            fields(out, dictionary, e.before);
            fields(out, dictionary, e.after);
        }
        return out.toByteArray();
    }

    private static void index(Map<String, Integer> dictionary, List<String> names, String name) {
        if (dictionary.putIfAbsent(name, names.size()) == null) {
            names.add(name);
        }
    }

    private static void fields(Out out, Map<String, Integer> dictionary, Map<String, Object> values) {
        out.varint(values.size());
        for (Map.Entry<String, Object> f : values.entrySet()) {
            out.varint(dictionary.get(f.getKey()));
            out.value(f.getValue());
        }
    }

    static ChangeSet decode(byte[] data) {
        In in = new In(data);
        int version = in.read();
        if (version != VERSION) {
            throw new IllegalStateException("undo history entry has format " + version + ", expected " + VERSION);
        }
        String[] names = new String[(int) in.varint()];
        for (int i = 0; i < names.length; i++) {
            names[i] = in.string();
        }
        ChangeSet changes = new ChangeSet();
        long rows = in.varint();
        for (long r = 0; r < rows; r++) {
            String table = names[(int) in.varint()];
            String id = in.string();
            int flags = in.read();
            ChangeSet.RowEdit e = new ChangeSet.RowEdit(table, id, (flags & EXISTED_BEFORE) != 0,
                    (flags & EXISTS_AFTER) != 0);
            readFields(in, names, e.before);
            readFields(in, names, e.after);
            changes.merge(e);
        }
        return changes;
    }

    private static void readFields(In in, String[] names, Map<String, Object> into) {
        long n = in.varint();
        for (long i = 0; i < n; i++) {
            String name = names[(int) in.varint()];
            into.put(name, in.value());
        }
    }

    private static final class Out extends ByteArrayOutputStream {
        Out() {
            super(64);
        }

        void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            write((int) v);
        }

        void string(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length);
            write(utf8, 0, utf8.length);
        }

        void value(Object v) {
            if (v == null) {
                write(NULL);
            } else if (v instanceof Boolean b) {
                write(b ? TRUE : FALSE);
            } else if (v instanceof Long l) {
                write(LONG);
                varint((l << 1) ^ (l >> 63));
            } else if (v instanceof Double d) {
                write(DOUBLE);
                long bits = Double.doubleToRawLongBits(d);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    write((int) (bits >>> shift));
                }
            } else if (v instanceof String s) {
                write(STRING);
                string(s);
            } else {
                throw new IllegalArgumentException("a document field cannot hold a " + v.getClass().getName());
            }
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

        long varint() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                int b = read();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
        }

        String string() {
            int len = (int) varint();
            String s = new String(data, at, len, StandardCharsets.UTF_8);
            at += len;
            return s;
        }

        Object value() {
            int tag = read();
            return switch (tag) {
                case NULL -> null;
                case FALSE -> Boolean.FALSE;
                case TRUE -> Boolean.TRUE;
                case LONG -> {
                    long z = varint();
                    yield (z >>> 1) ^ -(z & 1);
                }
                case DOUBLE -> {
                    long bits = 0;
                    for (int i = 0; i < 8; i++) {
                        bits = (bits << 8) | read();
                    }
                    yield Double.longBitsToDouble(bits);
                }
                case STRING -> string();
                default -> throw new IllegalStateException("undo history entry is damaged: unknown value tag " + tag);
            };
        }
    }
}
