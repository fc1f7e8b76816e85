package dev.easel.engine.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The tables of a document, declared in code. {@code version} lets a store tell old documents apart. */
public final class Schema {
    private final int version;
    private final List<TableSchema> tables;
    private final Map<String, TableSchema> byName;

    private Schema(int version, List<TableSchema> tables) {
        this.version = version;
        this.tables = List.copyOf(tables);
        Map<String, TableSchema> map = new LinkedHashMap<>();
        for (TableSchema t : tables) {
            map.put(t.name(), t);
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    public static Builder builder() {
        return new Builder();
    }

    public int version() {
        return version;
    }

    public List<TableSchema> tables() {
        return tables;
    }

    /** The table of that name, or null. */
    public TableSchema table(String name) {
        return byName.get(name);
    }

    public TableSchema table(int id) {
        return tables.get(id);
    }

    public TableSchema require(String name) {
        TableSchema t = byName.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown table " + name);
        }
        return t;
    }

    /** Collects table declarations; {@link #build()} checks them all. */
    public static final class Builder {
        private int version = 1;
        private final List<TableSchema.Builder> tables = new ArrayList<>();
        private final List<String> names = new ArrayList<>();

        public Builder version(int v) {
            if (v < 1) {
                throw new SchemaException("schema version must be at least 1, got " + v);
            }
            this.version = v;
            return this;
        }

        public Builder table(String name, Consumer<TableSchema.Builder> declaration) {
            Names.check("table", name);
            if (names.contains(name)) {
                throw new SchemaException("table " + name + " is declared twice");
            }
            TableSchema.Builder b = new TableSchema.Builder(name);
            declaration.accept(b);
            names.add(name);
            tables.add(b);
            return this;
        }

        public Schema build() {
            if (tables.isEmpty()) {
                throw new SchemaException("a schema needs at least one table");
            }
            List<TableSchema> built = new ArrayList<>();
            for (int i = 0; i < tables.size(); i++) {
                built.add(tables.get(i).build(i));
            }
            return new Schema(version, built);
        }
    }
}
