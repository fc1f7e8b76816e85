package dev.easel.host.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import dev.easel.engine.Engine;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.ManualClock;
import dev.easel.engine.tx.ReducerException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;

/** A canvas document in a temporary file with a manual clock, and short ways to call it from tests. */
final class CanvasFixture implements AutoCloseable {
    static final Identity ALICE = new Identity("a11ce0000000000000000000000000aa");
    static final Identity BOB = new Identity("b0b00000000000000000000000000bbb");
    static final Identity CAROL = new Identity("ca201000000000000000000000000ccc");
    static final String PAGE = Lifecycle.FIRST_PAGE_ID;

    final ManualClock clock = new ManualClock(1_700_000_000_000_000L);
    final Path file;
    Engine engine;

    CanvasFixture(Path dir) {
        this.file = dir.resolve("doc.easel");
        this.engine = open();
    }

    /** A document with Alice and Bob connected as editors (and so one page). */
    static CanvasFixture withTwoEditors(Path dir) {
        CanvasFixture f = new CanvasFixture(dir);
        f.connect(ALICE, "editor");
        f.connect(BOB, "editor");
        return f;
    }

    private Engine open() {
        return Canvas.engineBuilder(file, clock).runScheduler(false).syncWrites(false).open();
    }

    /** Closes the document and opens its file again, as a restarted host would. */
    void reopen() {
        engine.close();
        engine = open();
    }

    void connect(Identity who, String role) {
        engine.connect(who, Args.of("name", who.id().substring(0, 5), "role", role)).join();
    }

    void disconnect(Identity who) {
        engine.disconnect(who).join();
    }

    void advance(Duration d) {
        clock.advance(d);
        engine.runDueSchedules();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> call(Identity who, String reducer, Object... args) {
        Object v = engine.call(who, reducer, Args.of(args)).join().value();
        return v == null ? null : (Map<String, Object>) v;
    }

    /** Calls a reducer that must fail with {@code code}; checks that nothing changed and returns the error. */
    ReducerException fails(String code, Identity who, String reducer, Object... args) {
        long offset = engine.offset();
        Map<String, List<Row>> before = everything();
        try {
            engine.call(who, reducer, Args.of(args)).join();
        } catch (CompletionException e) {
            ReducerException re = assertInstanceOf(ReducerException.class, e.getCause());
            assertEquals(code, re.code(), re.getMessage());
            assertEquals(offset, engine.offset(), "a refused call must not commit");
            assertEquals(before, everything(), "a refused call must change nothing");
            return re;
        }
        fail(reducer + " should have failed with " + code);
        return null;
    }

    Row node(String id) {
        return engine.find(CanvasSchema.NODE, id);
    }

    Object field(String id, String column) {
        Row r = node(id);
        return r == null ? null : r.get(Nodes.TABLE.columnIndex(column));
    }

    Object presence(Identity who, String column) {
        Row r = engine.find(CanvasSchema.PRESENCE, who.id());
        return r == null ? null : r.get(Presence.TABLE.columnIndex(column));
    }

    /** Creates a rectangle at the top level of the first page. */
    void rect(Identity who, String id, double x, double y) {
        call(who, "create_node", "id", id, "kind", "rect", "page", PAGE, "x", x, "y", y, "w", 10.0, "h", 10.0);
    }

    void frame(Identity who, String id, String parent, double x, double y) {
        call(who, "create_node", "id", id, "kind", "frame", "page", PAGE, "parent", parent, "x", x, "y", y,
                "w", 100.0, "h", 100.0);
    }

    void child(Identity who, String id, String parent, double x, double y) {
        call(who, "create_node", "id", id, "kind", "rect", "page", PAGE, "parent", parent, "x", x, "y", y,
                "w", 10.0, "h", 10.0);
    }

    /** Every row of the document tables (nodes and pages), sorted, for comparing states. */
    Map<String, List<Row>> document() {
        Map<String, List<Row>> out = new TreeMap<>();
        for (String t : List.of(CanvasSchema.NODE, CanvasSchema.PAGE)) {
            out.put(t, sorted(engine.rows(t)));
        }
        return out;
    }

    /** Every row of every table, sorted. */
    Map<String, List<Row>> everything() {
        Map<String, List<Row>> out = new TreeMap<>();
        for (var t : engine.schema().tables()) {
            out.put(t.name(), sorted(engine.rows(t.name())));
        }
        return out;
    }

    private static List<Row> sorted(List<Row> rows) {
        List<Row> out = new ArrayList<>(rows);
        out.sort((a, b) -> String.valueOf(a.get(0)).compareTo(String.valueOf(b.get(0))));
        return out;
    }

    @Override
    public void close() {
        engine.close();
    }
}
