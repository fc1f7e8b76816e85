package dev.easel.engine.subscription;

import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * What one transaction changed among one subscription's rows: rows that arrived (inserted, or now matching
 * the filter), rows that left (deleted, or no longer matching), and updates of rows that still match.
 */
public final class TableDelta {
    private final TableSchema table;
    // Created on first use: most deltas carry one kind of change, and an update alone is the common case.
    private List<Row> inserts;
    private List<RowUpdate> updates;
    private List<Row> deletes;

    public TableDelta(TableSchema table) {
        this.table = table;
    }

    public TableSchema table() {
        return table;
    }

    public List<Row> inserts() {
        if (inserts == null) {
            inserts = new ArrayList<>();
        }
        return inserts;
    }

    public List<RowUpdate> updates() {
        if (updates == null) {
            updates = new ArrayList<>();
        }
        return updates;
    }

    /** The rows as they were before leaving; a receiver needs only their primary keys. */
    public List<Row> deletes() {
        if (deletes == null) {
            deletes = new ArrayList<>();
        }
        return deletes;
    }

    void addInsert(Row row) {
        if (inserts == null) {
            inserts = new ArrayList<>(2);
        }
        inserts.add(row);
    }

    void addUpdate(RowUpdate update) {
        if (updates == null) {
            updates = new ArrayList<>(2);
        }
        updates.add(update);
    }

    void addDelete(Row row) {
        if (deletes == null) {
            deletes = new ArrayList<>(2);
        }
        deletes.add(row);
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    public int size() {
        return count(inserts) + count(updates) + count(deletes);
    }

    private static int count(List<?> list) {
        return list == null ? 0 : list.size();
    }

    @Override
    public String toString() {
        return table.name() + "{+" + inserts() + " ~" + updates().size() + " -" + deletes() + "}";
    }
}
