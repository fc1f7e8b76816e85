package dev.easel.engine.tx;

import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.schema.Values;
import dev.easel.engine.table.Row;
import dev.easel.engine.table.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes of one reducer call, applied to the tables as they happen and remembered per row (first
 * {@code before}, latest {@code after}), so the call can be rolled back whole or committed as one set of
 * net row changes.
 */
final class Transaction {
    /** Below this many touched rows a linear scan beats hashing. */
    private static final int SCAN_LIMIT = 8;

    private final List<Touched> touched = new ArrayList<>(4);
    private Map<Key, Touched> byKey;

    private static final class Touched {
        final Table table;
        final Object pk;
        final Row before;
        Row after;

        Touched(Table table, Object pk, Row before) {
            this.table = table;
            this.pk = pk;
            this.before = before;
        }
    }

    private record Key(int table, Object pk) {
    }

    /** Records that a row is about to change from {@code current} (null if absent) and returns its entry. */
    private Touched touch(Table table, Object pk, Row current) {
        Touched t = lookup(table, pk);
        if (t == null) {
            t = new Touched(table, pk, current);
            t.after = current;
            touched.add(t);
            if (byKey != null) {
                byKey.put(new Key(table.schema().id(), pk), t);
            } else if (touched.size() > SCAN_LIMIT) {
                byKey = new HashMap<>();
                for (Touched x : touched) {
                    byKey.put(new Key(x.table.schema().id(), x.pk), x);
                }
            }
        }
        return t;
    }

    private Touched lookup(Table table, Object pk) {
        if (byKey != null) {
            return byKey.get(new Key(table.schema().id(), pk));
        }
        for (Touched t : touched) {
            if (t.table == table && Values.equal(t.pk, pk)) {
                return t;
            }
        }
        return null;
    }

    void insert(Table table, Row row) {
        table.insert(row);
        touch(table, table.primaryKey(row), null).after = row;
    }

    void replace(Table table, Row old, Row updated) {
        table.replace(old, updated);
        touch(table, table.primaryKey(old), old).after = updated;
    }

    void delete(Table table, Row old) {
        table.remove(old);
        touch(table, table.primaryKey(old), old).after = null;
    }

    boolean isEmpty() {
        return touched.isEmpty();
    }

    /** Puts every touched row back as it was: first take out what the call left, then restore what it found. */
    void rollback() {
        for (int i = touched.size() - 1; i >= 0; i--) {
            Touched t = touched.get(i);
            if (t.after != null) {
                t.table.remove(t.after);
            }
        }
        for (Touched t : touched) {
            if (t.before != null) {
                t.table.insert(t.before);
            }
        }
        touched.clear();
        byKey = null;
    }

    /** The net changes, leaving out rows that ended as they began. */
    List<RowChange> changes() {
        List<RowChange> out = new ArrayList<>(touched.size());
        for (Touched t : touched) {
            if (t.before == null && t.after == null) {
                continue;
            }
            if (t.before != null && t.after != null && t.before.equals(t.after)) {
                continue;
            }
            TableSchema schema = t.table.schema();
            out.add(new RowChange(schema, t.before, t.after));
        }
        return out;
    }
}
