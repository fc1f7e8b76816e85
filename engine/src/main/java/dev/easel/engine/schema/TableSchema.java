package dev.easel.engine.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table's declaration: its columns in order, its primary key, secondary indexes and unique constraints,
 * and whether it is durable (persisted) or transient (cursors, presence: never written to disk).
 */
public final class TableSchema {
    private final String name;
    private final int id;
    private final boolean durable;
    private final List<Column> columns;
    private final Map<String, Column> byName;
    private final int primaryKey;
    private final List<IndexDef> indexes;
    /** Positions of the byte-string columns: what can make a row large (an image). */
    private final int[] bytesColumns;

    TableSchema(String name, int id, boolean durable, List<Column> columns, int primaryKey, List<IndexDef> indexes) {
        this.name = name;
        this.id = id;
        this.durable = durable;
        this.columns = List.copyOf(columns);
        Map<String, Column> map = new HashMap<>();
        for (Column c : columns) {
            map.put(c.name(), c);
        }
        this.byName = Collections.unmodifiableMap(map);
        this.primaryKey = primaryKey;
        this.indexes = List.copyOf(indexes);
        this.bytesColumns = java.util.stream.IntStream.range(0, columns.size())
                .filter(i -> columns.get(i).type() == ColumnType.BYTES).toArray();
    }

    /** Positions of the byte-string columns (shared: do not change it). */
    public int[] bytesColumns() {
        return bytesColumns;
    }

    public String name() {
        return name;
    }

    /** Position of the table in its schema; the wire protocol names tables by it. */
    public int id() {
        return id;
    }

    public boolean durable() {
        return durable;
    }

    public List<Column> columns() {
        return columns;
    }

    public int columnCount() {
        return columns.size();
    }

    public Column column(int position) {
        return columns.get(position);
    }

    /** The column of that name, or null. */
    public Column column(String columnName) {
        return byName.get(columnName);
    }

    /** The position of a column, or an {@link IllegalArgumentException} naming the table. */
    public int columnIndex(String columnName) {
        Column c = byName.get(columnName);
        if (c == null) {
            throw new IllegalArgumentException("table " + name + " has no column " + columnName);
        }
        return c.position();
    }

    public int primaryKey() {
        return primaryKey;
    }

    public Column primaryKeyColumn() {
        return columns.get(primaryKey);
    }

    public List<IndexDef> indexes() {
        return indexes;
    }

    /** The first index whose leading column is that column, or null. */
    public IndexDef indexOn(int column) {
        for (IndexDef d : indexes) {
            if (d.column() == column) {
                return d;
            }
        }
        return null;
    }

    public IndexDef index(String indexName) {
        for (IndexDef d : indexes) {
            if (d.name().equals(indexName)) {
                return d;
            }
        }
        throw new IllegalArgumentException("table " + name + " has no index " + indexName);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Declares a table column by column; {@link Schema.Builder#table} hands one out. */
    public static final class Builder {
        private final String name;
        private boolean durable = true;
        private final List<Column> columns = new ArrayList<>();
        private String primaryKey;
        private final List<String[]> indexSpecs = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        public Builder durable() {
            this.durable = true;
            return this;
        }

        public Builder transientTable() {
            this.durable = false;
            return this;
        }

        public Builder column(String columnName, ColumnType type) {
            return add(columnName, type, false, null);
        }

        public Builder column(String columnName, ColumnType type, Object defaultValue) {
            return add(columnName, type, false, defaultValue);
        }

        public Builder nullable(String columnName, ColumnType type) {
            return add(columnName, type, true, null);
        }

        private Builder add(String columnName, ColumnType type, boolean nullable, Object defaultValue) {
            Names.check("column", columnName);
            if (type == null) {
                throw new SchemaException("column " + name + "." + columnName + " has no type");
            }
            for (Column c : columns) {
                if (c.name().equals(columnName)) {
                    throw new SchemaException("table " + name + " declares column " + columnName + " twice");
                }
            }
            Object def;
            try {
                def = Values.coerce(defaultValue, type);
            } catch (IllegalArgumentException e) {
                throw new SchemaException("default of column " + name + "." + columnName + ": " + e.getMessage());
            }
            columns.add(new Column(columnName, columns.size(), type, nullable, def));
            return this;
        }

        public Builder primaryKey(String columnName) {
            if (primaryKey != null) {
                throw new SchemaException("table " + name + " declares a second primary key " + columnName
                        + " (it already has " + primaryKey + ")");
            }
            this.primaryKey = columnName;
            return this;
        }

        public Builder hashIndex(String indexName, String columnName) {
            indexSpecs.add(new String[] {indexName, columnName, "HASH", "false"});
            return this;
        }

        public Builder orderedIndex(String indexName, String columnName) {
            indexSpecs.add(new String[] {indexName, columnName, "ORDERED", "false"});
            return this;
        }

        /** A unique constraint, backed by a hash index of that name. */
        public Builder unique(String indexName, String columnName) {
            indexSpecs.add(new String[] {indexName, columnName, "HASH", "true"});
            return this;
        }

        TableSchema build(int id) {
            if (columns.isEmpty()) {
                throw new SchemaException("table " + name + " has no columns");
            }
            if (primaryKey == null) {
                throw new SchemaException("table " + name + " has no primary key");
            }
            Column pk = find(primaryKey, "primary key");
            if (pk.nullable()) {
                throw new SchemaException("primary key " + name + "." + primaryKey + " cannot be nullable");
            }
            if (pk.type() == ColumnType.BYTES) {
                throw new SchemaException("primary key " + name + "." + primaryKey + " cannot be of type bytes");
            }
            List<IndexDef> defs = new ArrayList<>();
            for (String[] spec : indexSpecs) {
                Names.check("index", spec[0]);
                for (IndexDef d : defs) {
                    if (d.name().equals(spec[0])) {
                        throw new SchemaException("table " + name + " declares index " + spec[0] + " twice");
                    }
                }
                Column c = find(spec[1], "index " + spec[0]);
                if (c.type() == ColumnType.BYTES) {
                    throw new SchemaException("index " + spec[0] + " on " + name + "." + c.name()
                            + ": bytes columns cannot be indexed");
                }
                defs.add(new IndexDef(spec[0], c.position(), IndexKind.valueOf(spec[2]), Boolean.parseBoolean(spec[3])));
            }
            return new TableSchema(name, id, durable, columns, pk.position(), defs);
        }

        private Column find(String columnName, String what) {
            for (Column c : columns) {
                if (c.name().equals(columnName)) {
                    return c;
                }
            }
            throw new SchemaException(what + " of table " + name + " names a missing column " + columnName);
        }
    }
}
