package dev.easel.engine.tx;

import dev.easel.engine.schema.Column;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.ConstraintViolation;
import dev.easel.engine.table.Row;
import dev.easel.engine.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A reducer's view of one table: reads see the call's own writes; writes are undone if the call fails. */
public final class TableHandle {
    private final Table table;
    private final Transaction tx;

    TableHandle(Table table, Transaction tx) {
        this.table = table;
        this.tx = tx;
    }

    public TableSchema schema() {
        return table.schema();
    }

    public int column(String name) {
        return table.schema().columnIndex(name);
    }

    public int size() {
        return table.size();
    }

    public Row find(Object pk) {
        return table.find(pk);
    }

    /** The row with that key, or a {@code not_found} error naming the table. */
    public Row require(Object pk) {
        Row r = table.find(pk);
        if (r == null) {
            throw ReducerException.notFound("no " + table.schema().name() + " with "
                    + table.schema().primaryKeyColumn().name() + " " + pk);
        }
        return r;
    }

    /** A copy of all rows, so the reducer may write while it walks them. */
    public List<Row> scan() {
        return new ArrayList<>(table.rows());
    }

    public List<Row> findBy(String index, Object value) {
        return table.findBy(index, value);
    }

    public List<Row> range(String index, Object from, Object to) {
        return table.range(index, from, to);
    }

    /** Inserts a full row given in column order. */
    public Row insert(Object... values) {
        Row row = Row.wrap(table.check(values.clone()));
        tx.insert(table, row);
        return row;
    }

    /** Inserts a row given by column name; columns left out take their defaults (or null). */
    public Row insert(Map<String, ?> values) {
        TableSchema s = table.schema();
        for (String name : values.keySet()) {
            s.columnIndex(name);
        }
        Object[] row = new Object[s.columnCount()];
        for (Column c : s.columns()) {
            row[c.position()] = values.containsKey(c.name()) ? values.get(c.name()) : c.defaultValue();
        }
        Row r = Row.wrap(table.check(row));
        tx.insert(table, r);
        return r;
    }

    /** Sets one column of an existing row; the fast path for moves and drags. */
    public Row set(Object pk, int column, Object value) {
        Row old = require(pk);
        Object v = table.checkValue(table.schema().column(column), value);
        Row updated = old.with(column, v);
        tx.replace(table, old, updated);
        return updated;
    }

    /** Applies a patch of named columns to an existing row. */
    public Row update(Object pk, Map<String, ?> patch) {
        Row old = require(pk);
        Object[] values = old.toArray();
        for (Map.Entry<String, ?> e : patch.entrySet()) {
            Column c = table.schema().column(e.getKey());
            if (c == null) {
                throw new ConstraintViolation("table " + table.schema().name() + " has no column " + e.getKey());
            }
            values[c.position()] = table.checkValue(c, e.getValue());
        }
        Row updated = Row.wrap(values);
        tx.replace(table, old, updated);
        return updated;
    }

    /** Replaces the row that has the same primary key. */
    public Row update(Row row) {
        Row checked = Row.wrap(table.check(row.toArray()));
        Row old = require(table.primaryKey(checked));
        tx.replace(table, old, checked);
        return checked;
    }

    /** Inserts the row, or replaces the one with its primary key. */
    public Row upsert(Row row) {
        Row checked = Row.wrap(table.check(row.toArray()));
        Row old = table.find(table.primaryKey(checked));
        if (old == null) {
            tx.insert(table, checked);
        } else {
            tx.replace(table, old, checked);
        }
        return checked;
    }

    /** Deletes the row with that key; false if there was none. */
    public boolean delete(Object pk) {
        Row old = table.find(pk);
        if (old == null) {
            return false;
        }
        tx.delete(table, old);
        return true;
    }
}
