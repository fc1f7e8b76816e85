package dev.easel.engine.tx;

import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.schema.Values;
import dev.easel.engine.table.Row;

/**
 * What one committed transaction did to one row: an insert has no {@code before}, a delete no
 * {@code after}. Several writes to a row within a transaction collapse into one change.
 */
public final class RowChange {
    private final TableSchema table;
    private final Row before;
    private final Row after;
    private int[] changedColumns;

    public RowChange(TableSchema table, Row before, Row after) {
        this.table = table;
        this.before = before;
        this.after = after;
    }

    public TableSchema table() {
        return table;
    }

    public Row before() {
        return before;
    }

    public Row after() {
        return after;
    }

    public boolean isInsert() {
        return before == null;
    }

    public boolean isDelete() {
        return after == null;
    }

    public Object primaryKey() {
        return (after != null ? after : before).get(table.primaryKey());
    }

    /** For an update, the positions of the columns whose values differ; computed once, then shared. */
    public int[] changedColumns() {
        int[] c = changedColumns;
        if (c == null) {
            c = diff(before, after);
            changedColumns = c;
        }
        return c;
    }

    static int[] diff(Row before, Row after) {
        int n = before.size();
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!Values.equal(before.get(i), after.get(i))) {
                count++;
            }
        }
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!Values.equal(before.get(i), after.get(i))) {
                out[k++] = i;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return table.name() + ": " + before + " -> " + after;
    }
}
