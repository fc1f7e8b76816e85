package dev.easel.engine.table;

import dev.easel.engine.schema.Column;
import dev.easel.engine.schema.IndexDef;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.schema.Values;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The rows of one table, keyed by primary key, with its secondary indexes kept in step. It knows nothing
 * of transactions: the transaction layer records what it changes so it can put it back.
 */
public final class Table {
    private final TableSchema schema;
    private final RowMap rows;
    private final SecondaryIndex[] indexes;

    public Table(TableSchema schema) {
        this.schema = schema;
        this.rows = new RowMap(schema.primaryKey());
        List<IndexDef> defs = schema.indexes();
        this.indexes = new SecondaryIndex[defs.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = new SecondaryIndex(defs.get(i));
        }
    }

    public TableSchema schema() {
        return schema;
    }

    public int size() {
        return rows.size();
    }

    public Row find(Object pk) {
        return rows.get(pk);
    }

    public Object primaryKey(Row row) {
        return row.get(schema.primaryKey());
    }

    /** All rows, in no particular order. The view changes with the table. */
    public Collection<Row> rows() {
        return rows.values();
    }

    /** Rows whose indexed column equals {@code value}. */
    public List<Row> findBy(String indexName, Object value) {
        return resolve(index(indexName).find(value));
    }

    /** Rows whose indexed column equals {@code value}, through the index on that column. */
    public List<Row> findByColumn(int column, Object value) {
        for (SecondaryIndex index : indexes) {
            if (index.def().column() == column) {
                return resolve(index.find(value));
            }
        }
        throw new IllegalArgumentException("no index on " + schema.name() + "." + schema.column(column).name());
    }

    /** Rows whose ordered-indexed column lies in [from, to]; a null bound is open. */
    public List<Row> range(String indexName, Object from, Object to) {
        return resolve(index(indexName).range(from, to));
    }

    private List<Row> resolve(Collection<Object> pks) {
        List<Row> out = new ArrayList<>(pks.size());
        for (Object pk : pks) {
            out.add(rows.get(pk));
        }
        return out;
    }

    private SecondaryIndex index(String indexName) {
        for (SecondaryIndex index : indexes) {
            if (index.def().name().equals(indexName)) {
                return index;
            }
        }
        throw new IllegalArgumentException("table " + schema.name() + " has no index " + indexName);
    }

    /**
     * Checks a full row against the column types and nullability, coercing values in place
     * (integers to longs and so on). Throws {@link ConstraintViolation} naming the column.
     */
    public Object[] check(Object[] values) {
        if (values.length != schema.columnCount()) {
            throw new ConstraintViolation("table " + schema.name() + " has " + schema.columnCount()
                    + " columns, got " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = checkValue(schema.column(i), values[i]);
        }
        return values;
    }

    public Object checkValue(Column c, Object value) {
        if (value == null) {
            if (!c.nullable()) {
                throw new ConstraintViolation("column " + schema.name() + "." + c.name() + " cannot be null");
            }
            return null;
        }
        try {
            return Values.coerce(value, c.type());
        } catch (IllegalArgumentException e) {
            throw new ConstraintViolation("column " + schema.name() + "." + c.name() + ": " + e.getMessage());
        }
    }

    /** Adds a checked row; refuses a duplicate primary key or unique value, changing nothing. */
    public void insert(Row row) {
        Object pk = primaryKey(row);
        if (rows.containsKey(pk)) {
            throw new ConstraintViolation("table " + schema.name() + " already has a row with "
                    + schema.primaryKeyColumn().name() + " = " + Values.describe(pk));
        }
        for (SecondaryIndex index : indexes) {
            index.checkUnique(row.get(index.def().column()), pk, schema.name());
        }
        rows.put(row);
        for (SecondaryIndex index : indexes) {
            index.add(row.get(index.def().column()), pk);
        }
    }

    /** Replaces a row by another with the same primary key; refuses a unique clash, changing nothing. */
    public void replace(Row old, Row updated) {
        Object pk = primaryKey(old);
        if (!Values.equal(pk, primaryKey(updated))) {
            throw new ConstraintViolation("the primary key " + schema.name() + "." + schema.primaryKeyColumn().name()
                    + " cannot change in an update");
        }
        for (SecondaryIndex index : indexes) {
            int c = index.def().column();
            if (!Values.equal(old.get(c), updated.get(c))) {
                index.checkUnique(updated.get(c), pk, schema.name());
            }
        }
        rows.put(updated);
        for (SecondaryIndex index : indexes) {
            int c = index.def().column();
            Object before = old.get(c);
            Object after = updated.get(c);
            if (!Values.equal(before, after)) {
                index.remove(before, pk);
                index.add(after, pk);
            }
        }
    }

    public void remove(Row row) {
        Object pk = primaryKey(row);
        rows.remove(pk);
        for (SecondaryIndex index : indexes) {
            index.remove(row.get(index.def().column()), pk);
        }
    }

    public void clear() {
        rows.clear();
        for (SecondaryIndex index : indexes) {
            index.clear();
        }
    }
}
