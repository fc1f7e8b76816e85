package dev.easel.host.canvas;

import dev.easel.engine.store.ValueFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact form of a {@link ChangeSet} kept in {@code operation.changes}: a version byte, a dictionary of
 * the table and field names used (so each is spelt once per step, and steps stay readable after columns are
 * added), then per row: table, id, whether it existed before and after, and the before and after values of
 * its fields, each value in the engine's {@link ValueFormat}, as stored rows hold them.
 */
final class ChangeCodec {
    private static final int VERSION = 1;
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
        ValueFormat.Writer out = new ValueFormat.Writer();
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

    private static void fields(ValueFormat.Writer out, Map<String, Integer> dictionary, Map<String, Object> values) {
        out.varint(values.size());
        for (Map.Entry<String, Object> f : values.entrySet()) {
            out.varint(dictionary.get(f.getKey()));
            out.value(f.getValue());
        }
    }

    static ChangeSet decode(byte[] data) {
        ValueFormat.Reader in = new ValueFormat.Reader(data, "an undo history entry");
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

    private static void readFields(ValueFormat.Reader in, String[] names, Map<String, Object> into) {
        long n = in.varint();
        for (long i = 0; i < n; i++) {
            String name = names[(int) in.varint()];
            into.put(name, in.value());
        }
    }
}
