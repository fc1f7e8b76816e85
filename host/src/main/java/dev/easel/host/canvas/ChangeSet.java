package dev.easel.host.canvas;

import dev.easel.engine.schema.Column;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.schema.Values;
import dev.easel.engine.table.Row;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The changes to document rows (nodes and pages) that make up one undo step, merged per row: the first
 * value each field had and the last one it got. An insert keeps every field of the new row, a delete every
 * field of the old one, an update only the fields that changed. Locks are not part of the document's
 * history and are left out.
 */
final class ChangeSet {
    /** Columns that undo never touches: who holds a lock is not an edit. */
    private static final Set<String> UNTRACKED = Set.of("locked_by", "locked_at");

    /** What happened to one row: whether it existed before and after, and the field values around it. */
    static final class RowEdit {
        final String table;
        final String id;
        boolean existedBefore;
        boolean existsAfter;
        final Map<String, Object> before = new LinkedHashMap<>();
        final Map<String, Object> after = new LinkedHashMap<>();

        RowEdit(String table, String id, boolean existedBefore, boolean existsAfter) {
            this.table = table;
            this.id = id;
            this.existedBefore = existedBefore;
            this.existsAfter = existsAfter;
        }

        boolean isInsert() {
            return !existedBefore && existsAfter;
        }

        boolean isDelete() {
            return existedBefore && !existsAfter;
        }

        boolean isUpdate() {
            return existedBefore && existsAfter;
        }

        /** Drops fields that ended as they began; true if none is left. */
        boolean dropUnchanged() {
            Iterator<Map.Entry<String, Object>> it = before.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Object> e = it.next();
                if (after.containsKey(e.getKey()) && Values.equal(e.getValue(), after.get(e.getKey()))) {
                    it.remove();
                    after.remove(e.getKey());
                }
            }
            return before.isEmpty() && after.isEmpty();
        }

        @Override
        public String toString() {
            return table + " " + id + ": " + (existedBefore ? before : "absent") + " -> "
                    + (existsAfter ? after : "absent");
        }
    }

    private record Key(String table, String id) {
    }

    private final Map<Key, RowEdit> edits = new LinkedHashMap<>();

    boolean isEmpty() {
        return edits.isEmpty();
    }

    int size() {
        return edits.size();
    }

    /** The row edits in the order their rows were first touched. */
    Collection<RowEdit> edits() {
        return edits.values();
    }

    /** Records a write as it happens: {@code before} null for an insert, {@code after} null for a delete. */
    void record(TableSchema table, Row before, Row after) {
        Row any = before != null ? before : after;
        String id = (String) any.get(table.primaryKey());
        RowEdit e = new RowEdit(table.name(), id, before != null, after != null);
        for (Column c : table.columns()) {
            if (c.position() == table.primaryKey() || UNTRACKED.contains(c.name())) {
                continue;
            }
            Object b = before == null ? null : before.get(c.position());
            Object a = after == null ? null : after.get(c.position());
            if (before != null && (after == null || !Values.equal(b, a))) {
                e.before.put(c.name(), b);
            }
            if (after != null && (before == null || !Values.equal(b, a))) {
                e.after.put(c.name(), a);
            }
        }
        if (!e.isUpdate() || !e.before.isEmpty()) {
            merge(e);
        }
    }

    /** Adds a later step's edits on top of these, as if both had been one step. */
    void mergeAll(ChangeSet later) {
        for (RowEdit e : later.edits.values()) {
            merge(e);
        }
    }

    /** Adds one row edit that happened after everything already here. */
    void merge(RowEdit later) {
        Key key = new Key(later.table, later.id);
        RowEdit e = edits.get(key);
        if (e == null) {
            edits.put(key, copy(later));
            return;
        }
        if (e.isInsert() && later.isDelete()) {
            edits.remove(key);
        } else if (e.isInsert() && later.isUpdate()) {
            e.after.putAll(later.after);
        } else if (e.isUpdate() && later.isUpdate()) {
            for (Map.Entry<String, Object> f : later.before.entrySet()) {
                if (!e.before.containsKey(f.getKey())) {
                    e.before.put(f.getKey(), f.getValue());
                }
            }
            e.after.putAll(later.after);
            if (e.dropUnchanged()) {
                edits.remove(key);
            }
        } else if (e.isUpdate() && later.isDelete()) {
            // The step deleted a row it had changed: undoing it restores the row as it was before both.
            Map<String, Object> original = new LinkedHashMap<>(later.before);
            original.putAll(e.before);
            e.before.clear();
            e.before.putAll(original);
            e.after.clear();
            e.existsAfter = false;
        } else if (e.isDelete() && later.isInsert()) {
            e.after.putAll(later.after);
            e.existsAfter = true;
            if (e.dropUnchanged()) {
                edits.remove(key);
            }
        } else {
            throw new IllegalStateException("cannot follow " + e + " with " + later);
        }
    }

    private static RowEdit copy(RowEdit e) {
        RowEdit c = new RowEdit(e.table, e.id, e.existedBefore, e.existsAfter);
        c.before.putAll(e.before);
        c.after.putAll(e.after);
        return c;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ChangeSet other) || other.edits.size() != edits.size()) {
            return false;
        }
        for (Map.Entry<Key, RowEdit> en : edits.entrySet()) {
            RowEdit a = en.getValue();
            RowEdit b = other.edits.get(en.getKey());
            if (b == null || a.existedBefore != b.existedBefore || a.existsAfter != b.existsAfter
                    || !sameValues(a.before, b.before) || !sameValues(a.after, b.after)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValues(Map<String, Object> a, Map<String, Object> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> e : a.entrySet()) {
            if (!Values.equal(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(edits.keySet());
    }

    @Override
    public String toString() {
        return edits.values().toString();
    }
}
