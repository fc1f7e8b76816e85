package dev.easel.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every schema mistake is refused when the schema is declared, with a message that names it. */
class SchemaErrorTest {
    private static String refused(Runnable declaration) {
        return assertThrows(SchemaException.class, declaration::run).getMessage();
    }

    /** Declares a one-table schema. */
    private static String refusedTable(Consumer<TableSchema.Builder> table) {
        return refused(() -> Schema.builder().table("t", table).build());
    }

    @Test
    void duplicateTable() {
        assertEquals("table t is declared twice", refused(() -> Schema.builder()
                .table("t", t -> t.column("id", ColumnType.I64).primaryKey("id"))
                .table("t", t -> t.column("id", ColumnType.I64).primaryKey("id"))
                .build()));
    }

    @Test
    void duplicateColumn() {
        assertEquals("table t declares column x twice", refusedTable(t -> t.column("id", ColumnType.I64)
                .primaryKey("id").column("x", ColumnType.F64).nullable("x", ColumnType.STRING)));
    }

    @Test
    void duplicateIndex() {
        assertEquals("table t declares index by_x twice", refusedTable(t -> t.column("id", ColumnType.I64)
                .primaryKey("id").column("x", ColumnType.F64).column("y", ColumnType.F64)
                .hashIndex("by_x", "x").orderedIndex("by_x", "y")));
    }

    @Test
    void primaryKeyOnMissingColumn() {
        assertEquals("primary key of table t names a missing column key",
                refusedTable(t -> t.column("id", ColumnType.I64).primaryKey("key")));
    }

    @Test
    void secondPrimaryKey() {
        assertEquals("table t declares a second primary key x (it already has id)",
                refusedTable(t -> t.column("id", ColumnType.I64).column("x", ColumnType.I64)
                        .primaryKey("id").primaryKey("x")));
    }

    @Test
    void noPrimaryKey() {
        assertEquals("table t has no primary key", refusedTable(t -> t.column("id", ColumnType.I64)));
    }

    @Test
    void nullablePrimaryKey() {
        assertEquals("primary key t.id cannot be nullable",
                refusedTable(t -> t.nullable("id", ColumnType.STRING).primaryKey("id")));
    }

    @Test
    void bytesPrimaryKey() {
        assertEquals("primary key t.id cannot be of type bytes",
                refusedTable(t -> t.column("id", ColumnType.BYTES).primaryKey("id")));
    }

    @Test
    void bytesIndex() {
        assertEquals("index by_data on t.data: bytes columns cannot be indexed",
                refusedTable(t -> t.column("id", ColumnType.I64).primaryKey("id")
                        .nullable("data", ColumnType.BYTES).hashIndex("by_data", "data")));
    }

    @Test
    void indexOnMissingColumn() {
        assertEquals("index by_y of table t names a missing column y",
                refusedTable(t -> t.column("id", ColumnType.I64).primaryKey("id").orderedIndex("by_y", "y")));
    }

    @Test
    void noColumns() {
        assertEquals("table t has no columns", refusedTable(t -> t.primaryKey("id")));
    }

    @Test
    void noTables() {
        assertEquals("a schema needs at least one table", refused(() -> Schema.builder().build()));
    }

    @Test
    void versionBelowOne() {
        assertEquals("schema version must be at least 1, got 0", refused(() -> Schema.builder().version(0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1node", "node-x", "node x", "nödé", "select*"})
    void badIdentifiers(String name) {
        String quoted = "'" + name + "' is not an identifier";
        assertEquals("table name " + quoted + " (letters, digits, _; at most 63)",
                refused(() -> Schema.builder().table(name, t -> t.column("id", ColumnType.I64).primaryKey("id"))));
        assertEquals("column name " + quoted + " (letters, digits, _; at most 63)",
                refusedTable(t -> t.column(name, ColumnType.I64)));
        assertEquals("index name " + quoted + " (letters, digits, _; at most 63)",
                refusedTable(t -> t.column("id", ColumnType.I64).primaryKey("id").hashIndex(name, "id")));
    }

    @Test
    void identifiersMayHaveSixtyThreeCharacters() {
        String name = "a".repeat(63);
        Schema s = Schema.builder().table(name, t -> t.column(name, ColumnType.I64).primaryKey(name)).build();
        assertEquals(name, s.table(0).column(0).name());
        assertEquals("column name '" + name + "a' is not an identifier (letters, digits, _; at most 63)",
                refusedTable(t -> t.column(name + "a", ColumnType.I64)));
    }

    @Test
    void defaultOfTheWrongType() {
        assertEquals("default of column t.x: expected f64, got string 'zero'",
                refusedTable(t -> t.column("x", ColumnType.F64, "zero")));
        assertEquals("default of column t.flag: expected bool, got integer 1",
                refusedTable(t -> t.column("flag", ColumnType.BOOL, 1)));
        assertEquals("default of column t.n: expected i64, got number 1.5",
                refusedTable(t -> t.column("n", ColumnType.I64, 1.5)));
        assertEquals("default of column t.x: expected a finite number, got NaN",
                refusedTable(t -> t.column("x", ColumnType.F64, Double.NaN)));
    }

    @Test
    void defaultsAreStoredInTheColumnsOwnForm() {
        TableSchema t = Schema.builder().table("t", b -> b.column("id", ColumnType.I64, 7).primaryKey("id")
                .column("x", ColumnType.F64, 2)).build().table(0);
        assertEquals(7L, t.column("id").defaultValue());
        assertEquals(2.0, t.column("x").defaultValue());
    }
}
