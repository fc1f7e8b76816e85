package dev.easel.engine;

import static dev.easel.engine.Fixtures.failure;
import static dev.easel.engine.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.ReducerContext;
import dev.easel.engine.tx.ReducerException;
import dev.easel.engine.tx.TableHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A reducer that writes and then fails leaves no trace: tables, indexes, offsets and subscribers as before. */
class RollbackTest {
    private static final Identity ME = new Identity("me");
    /** Every value the failing reducer writes, so the index check also looks for entries it left behind. */
    private static final List<Object> WRITTEN = List.of("f1", "f2", "f3", "a", "b", "c", "z", 9.0, 7.5, 1.0, 2.0);

    @TempDir
    Path dir;
    private Engine engine;
    private final List<Fixtures.Recorder> subscribers = new ArrayList<>();

    @BeforeEach
    void open() {
        engine = Fixtures.engine()
                .reducer("messy", RollbackTest::messy)
                .reducer("probe", RollbackTest::probe)
                .reducer("checkIndexes", Fixtures.indexChecker(Fixtures.SCHEMA))
                .document(dir.resolve("doc.easel"))
                .open();
        engine.call(ME, "create", node("n1", "f1", 1.0)).join();
        engine.call(ME, "create", node("n2", "f1", 2.0)).join();
        engine.call(ME, "rename", Args.of("id", "n1", "name", "a")).join();
        engine.call(ME, "rename", Args.of("id", "n2", "name", "b")).join();
        engine.call(ME, "cursor", Args.of("id", "me", "x", 1.0)).join();
        for (String sql : List.of("SELECT * FROM node", "SELECT * FROM node WHERE parent = 'f2'",
                "SELECT * FROM node WHERE x > 5 OR name = 'z'", "SELECT * FROM cursor")) {
            Fixtures.Recorder r = new Fixtures.Recorder();
            engine.subscribe(ME, sql, Map.of(), r, Engine.SubscribeOptions.DEFAULT);
            subscribers.add(r);
        }
    }

    @AfterEach
    void close() {
        engine.close();
    }

    /**
     * Touches every kind of index and both tables, including one row written several times, then fails the way
     * {@code how} says.
     */
    private static Object messy(ReducerContext ctx, Args a) {
        TableHandle node = ctx.table("node");
        node.insert(Map.of("id", "n3", "parent", "f2", "x", 7.5, "name", "c"));
        node.update("n1", Map.of("parent", "f2", "x", 9.0, "name", "z"));
        node.delete("n2");
        node.insert(Map.of("id", "n2", "parent", "f3", "name", "b"));
        node.set("n2", 2, 1.0);
        node.delete("n3");
        ctx.table("cursor").upsert(Row.of("me", 2.0));
        ctx.table("cursor").upsert(Row.of("you", 2.0));
        switch (a.string("how")) {
            case "throw" -> throw new IllegalStateException("boom");
            case "missingArgument" -> a.string("missing");
            case "uniqueClash" -> node.update("n2", Map.of("name", "z"));
            case "duplicateKey" -> node.insert(Map.of("id", "n1"));
            case "nullInRequiredColumn" -> node.set("n2", 1, null);
            case "error" -> throw new AssertionError("an Error rather than an Exception");
            default -> throw new IllegalArgumentException(a.string("how"));
        }
        return null;
    }

    /** What the indexes answer for the values the failing reducer touches (rows sharing a key in any order). */
    private static Object probe(ReducerContext ctx, Args a) {
        TableHandle node = ctx.table("node");
        Map<String, Object> out = new TreeMap<>();
        for (String v : List.of("", "f1", "f2", "f3")) {
            out.put("by_parent " + v, new HashSet<>(node.findBy("by_parent", v)));
        }
        for (String v : List.of("a", "b", "c", "z")) {
            out.put("by_name " + v, node.findBy("by_name", v));
        }
        out.put("by_x all", node.range("by_x", null, null));
        out.put("by_x [1, 8]", node.range("by_x", 1.0, 8.0));
        out.put("by_x [5, ]", node.range("by_x", 5.0, null));
        return out;
    }

    /** Everything a failed call must leave as it was. */
    private record State(Map<String, List<Row>> rows, Object indexes, long offset, long durableOffset,
            List<Integer> deltasHeard) {
    }

    private State state() {
        Map<String, List<Row>> rows = new HashMap<>();
        for (String table : List.of("node", "cursor")) {
            List<Row> sorted = new ArrayList<>(engine.rows(table));
            sorted.sort((x, y) -> ((String) x.get(0)).compareTo((String) y.get(0)));
            rows.put(table, sorted);
        }
        return new State(rows, engine.call(ME, "probe", Args.EMPTY).join().value(), engine.offset(),
                engine.durableOffset(), subscribers.stream().map(r -> r.deltas().size()).toList());
    }

    @ParameterizedTest
    @CsvSource({
        "throw, reducer_failed, messy failed: java.lang.IllegalStateException: boom",
        "missingArgument, bad_argument, missing argument 'missing'",
        "uniqueClash, constraint, unique constraint by_name on node already has string 'z'",
        "duplicateKey, constraint, table node already has a row with id = string 'n1'",
        "nullInRequiredColumn, constraint, column node.parent cannot be null",
        "error, reducer_failed, messy failed: java.lang.AssertionError: an Error rather than an Exception",
    })
    void failedCallLeavesNoTrace(String how, String code, String message) {
        engine.call(ME, "move", Args.of("id", "n1", "x", 1.5)).join();
        State before = state();

        ReducerException e = failure(engine.call(ME, "messy", Args.of("how", how)));

        assertEquals(code, e.code());
        assertEquals(message, e.getMessage());
        assertEquals(before, state());
        assertEquals(List.of(), engine.call(ME, "checkIndexes", Args.of("probe", WRITTEN)).join().value());
        // The next commit takes the very next offset, and subscribers hear only it.
        assertEquals(before.offset() + 1, engine.call(ME, "move", Args.of("id", "n2", "x", 3.0)).join().offset());
        assertEquals(List.of(before.offset() + 1), subscribers.get(0).offsets().subList(
                before.deltasHeard().get(0), subscribers.get(0).deltas().size()));
    }

    @ParameterizedTest
    @CsvSource({"throw", "uniqueClash", "error"})
    void failedCallNeverReachesTheFile(String how) {
        State before = state();
        failure(engine.call(ME, "messy", Args.of("how", how)));
        engine.close();
        engine = Fixtures.engine().reducer("probe", RollbackTest::probe).document(dir.resolve("doc.easel")).open();
        State reopened = state();
        assertEquals(before.rows().get("node"), reopened.rows().get("node"));
        assertEquals(before.indexes(), reopened.indexes());
        // The cursor commit touched only a transient table, so the file ends at the last durable commit.
        assertEquals(before.durableOffset(), reopened.offset());
        assertTrue(engine.rows("cursor").isEmpty(), "transient rows are never saved");
    }
}
