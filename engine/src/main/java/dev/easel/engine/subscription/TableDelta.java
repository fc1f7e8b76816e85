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
    private final List<Row> inserts = new ArrayList<>(2);
    private final List<RowUpdate> updates = new ArrayList<>(2);
    private final List<Row> deletes = new ArrayList<>(2);

    public TableDelta(TableSchema table) {
        this.table = table;
    }

    public TableSchema table() {
        return table;
    }

    public List<Row> inserts() {
        return inserts;
    }

    public List<RowUpdate> updates() {
        return updates;
    }

    /** The rows as they were before leaving; a receiver needs only their primary keys. */
    public List<Row> deletes() {
        return deletes;
    }

    public boolean isEmpty() {
        return inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty();
    }

    public int size() {
        return inserts.size() + updates.size() + deletes.size();
    }

    @Override
    public String toString() {
        return table.name() + "{+" + inserts + " ~" + updates.size() + " -" + deletes + "}";
    }
}
