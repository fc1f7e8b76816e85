package dev.easel.engine.query;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.Engine;
import dev.easel.engine.Fixtures;
import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Identity;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Queries outside the subset are refused with a message and the 1-based position of the problem. */
class QueryErrorTest {
    private static final Schema SCHEMA = Schema.builder()
            .table("node", t -> t.column("id", ColumnType.STRING).primaryKey("id")
                    .column("parent", ColumnType.STRING, "")
                    .column("x", ColumnType.F64, 0.0)
                    .column("z", ColumnType.I64, 0L)
                    .column("visible", ColumnType.BOOL, true)
                    .nullable("name", ColumnType.STRING)
                    .nullable("data", ColumnType.BYTES))
            .build();
    private static final String FROM = "SELECT * FROM node WHERE ";

    /** Asserts the query is refused with this problem, located at the first occurrence of {@code at}. */
    private static void refused(String sql, String problem, String at) {
        refused(sql, problem, sql.indexOf(at) + 1);
    }

    private static void refused(String sql, String problem, int position) {
        QueryException e = assertThrows(QueryException.class, () -> Query.parse(sql, SCHEMA), sql);
        assertEquals(problem + " at position " + position, e.getMessage(), sql);
        assertEquals(position, e.position(), sql);
    }

    private static void accepted(String sql) {
        assertDoesNotThrow(() -> Query.parse(sql, SCHEMA), sql);
    }

    @Test
    void unknownTable() {
        refused("SELECT * FROM nodes", "unknown table 'nodes'", "nodes");
        refused("SELECT * FROM Node", "unknown table 'Node'", "Node");
        refused("SELECT * FROM 'node'", "expected a table name, found ''node''", "'node'");
    }

    @Test
    void unknownColumn() {
        refused(FROM + "parent = 'a' AND width > 1", "unknown column 'width' in table node", "width");
        refused(FROM + "x = Parent", "unknown column 'Parent' in table node", "Parent");
    }

    @Test
    void typeMismatch() {
        refused(FROM + "x = 'wide'", "value 'wide' compared with x is string 'wide', but the column is f64", "'wide'");
        refused(FROM + "3 < parent", "value 3 compared with parent is integer 3, but the column is string", "3");
        refused(FROM + "visible = 1", "value 1 compared with visible is integer 1, but the column is bool", "1");
        refused(FROM + "z IN (1, 'two')", "value 'two' compared with z is string 'two', but the column is i64", "'two'");
        refused(FROM + "parent = x", "cannot compare parent (string) with x (f64)", "parent");
        accepted(FROM + "x = z AND z <= 2.5 AND x > 1 AND parent = id");
    }

    @Test
    void bytesCannotBeCompared() {
        refused(FROM + "data = 'ab'", "column data is bytes and cannot be compared", "data");
        refused(FROM + "data <> data", "column data is bytes and cannot be compared", "data");
        accepted(FROM + "data IS NULL OR data IS NOT NULL");
    }

    @Test
    void boolSupportsOnlyEquality() {
        refused(FROM + "visible < TRUE", "bool column visible supports only = and <>, not <", "visible");
        refused(FROM + "FALSE >= visible", "bool column visible supports only = and <>, not >=", "visible");
        accepted(FROM + "visible = TRUE AND visible <> false AND visible != FALSE");
    }

    @Test
    void comparisonWithNull() {
        String message = "comparison with NULL is never true; use IS NULL or IS NOT NULL";
        refused(FROM + "name = NULL", message, "NULL");
        refused(FROM + "NULL <> name", message, "NULL");
        refused(FROM + "name IN ('a', NULL)", message, "NULL");
        accepted(FROM + "name IS NULL OR name IS NOT NULL");
    }

    @Test
    void unterminatedString() {
        refused(FROM + "parent = 'it''s", "unterminated string", "'it");
        accepted(FROM + "parent = 'it''s'");
    }

    @Test
    void garbage() {
        refused(FROM + "x = 1 # 2", "unexpected character '#'", "#");
        refused(FROM + "x = = 1", "expected a column, value or parameter, found '='", "= 1");
        refused(FROM + "x 1", "expected a comparison (=, <>, <, <=, >, >=, IN, IS), found '1'", "1");
        refused(FROM + "x == 1", "expected a column, value or parameter, found '='", "= 1");
        refused(FROM + "x = 1.2.3", "malformed number 1.2.3", "1.2.3");
        refused(FROM + "x = : ", "':' must be followed by a parameter name", ":");
        refused(FROM + "1 = 2", "a comparison needs a column on one side", "1");
        refused(FROM + "name NOT 'a'", "expected IN after NOT, found ''a''", "'a'");
        refused(FROM + "name IS 'a'", "expected NULL, found ''a''", "'a'");
        refused(FROM + "'a' IS NULL", "IS NULL needs a column on its left", "'a'");
        refused(FROM + "(x = 1", "expected ')', found end of query", FROM.length() + 7);
        refused(FROM + "x = 1 AND", "expected a column, value or parameter, found end of query", FROM.length() + 10);
        refused(FROM + "z IN 1", "expected '(', found '1'", "1");
    }

    @Test
    void trailingJunk() {
        refused(FROM + "x = 1 y", "unexpected 'y'", "y");
        refused(FROM + "x = 1)", "unexpected ')'", ")");
        refused("SELECT * FROM node node", "unexpected 'node'", 20);
        refused("SELECT * FROM node; DROP", "unexpected 'DROP'", "DROP");
        accepted("SELECT * FROM node;");
    }

    @Test
    void onlySelectStar() {
        refused("SELECT id FROM node", "only SELECT * is supported, found 'id'", "id");
        refused("DELETE FROM node", "expected SELECT, found 'DELETE'", 1);
        refused("", "expected SELECT, found end of query", 1);
        refused("SELECT * node", "expected FROM, found 'node'", "node");
        accepted("select * from node where x >= 0 and not (z in (1, 2))");
    }

    @Test
    void deepNesting() {
        String open = FROM + "(".repeat(100);
        refused(open + "x = 1" + ")".repeat(100), "filter nested deeper than 64 levels", FROM.length() + 66);
        refused(FROM + "NOT ".repeat(100) + "x = 1", "filter nested deeper than 64 levels",
                FROM.length() + 4 * 65 + 1);
        // Ten thousand levels must be refused by the depth check, not by a StackOverflowError.
        refused(FROM + "(".repeat(10_000) + "x = 1", "filter nested deeper than 64 levels", FROM.length() + 66);
        accepted(FROM + "(".repeat(64) + "x = 1" + ")".repeat(64));
        accepted(FROM + "NOT ".repeat(64) + "x = 1");
    }

    @Test
    void overlongQuery() {
        refused(FROM + "x = 1 OR ".repeat(2000) + "x = 2", "query longer than 16384 characters", 16_384);
    }

    @Test
    void missingOrWrongParameters() {
        Query q = Query.parse(FROM + "parent = :folder", SCHEMA);
        int position = (FROM + "parent = ").length() + 1;
        QueryException missing = assertThrows(QueryException.class, () -> q.bind(Map.of()));
        assertEquals("no value for parameter :folder at position " + position, missing.getMessage());
        Map<String, Object> nullValue = new HashMap<>();
        nullValue.put("folder", null);
        assertEquals("parameter :folder is null; use IS NULL at position " + position,
                assertThrows(QueryException.class, () -> q.bind(nullValue)).getMessage());
        assertEquals("parameter :folder is integer 5, but the column is string at position " + position,
                assertThrows(QueryException.class, () -> q.bind(Map.of("folder", 5))).getMessage());
        assertTrue(q.bind(Map.of("folder", "f1")).matches(Row.of(
                "n", "f1", 0.0, 0L, true, null, null)));
    }

    @Test
    void engineRefusesBadQueriesWithoutSubscribing() {
        try (Engine e = Engine.builder(SCHEMA).open()) {
            Identity me = new Identity("me");
            Fixtures.Recorder recorder = new Fixtures.Recorder();
            assertThrows(QueryException.class, () -> e.subscribe(me, "SELECT * FROM nope", recorder));
            QueryException sender = assertThrows(QueryException.class,
                    () -> e.subscribe(me, FROM + "x = :sender", recorder));
            assertEquals("parameter :sender is string 'me', but the column is f64 at position "
                    + (FROM.length() + 5), sender.getMessage());
            assertThrows(QueryException.class, () -> e.subscribe(me, FROM + "parent = :folder", recorder));
            assertThrows(QueryException.class, () -> e.select(FROM + "x = 'a'", Map.of()));
            assertEquals(0, e.subscriptionCount());
            assertTrue(recorder.snapshots().isEmpty());
        }
    }
}
