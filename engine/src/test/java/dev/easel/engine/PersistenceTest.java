package dev.easel.engine;

import static dev.easel.engine.Fixtures.failure;
import static dev.easel.engine.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.store.StoreException;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.CallResult;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.ReducerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document file keeps durable tables and the commit offset across reopening, and nothing transient. */
class PersistenceTest {
    private static final Identity ME = new Identity("me");

    @TempDir
    Path dir;

    private Engine open(Path file) {
        return Fixtures.engine().document(file).open();
    }

    @Test
    void reopenResumesOffsetsAndRows() {
        Path file = dir.resolve("doc.easel");
        try (Engine e = open(file)) {
            assertEquals(0, e.offset());
            e.call(ME, "create", node("a", "f1", 1.0)).join();
            e.call(ME, "create", node("b", "f1", 2.0)).join();
            CallResult moved = e.call(ME, "move", Args.of("id", "a", "x", 5.0)).join();
            assertEquals(3, moved.offset());
            assertTrue(e.durableOffset() >= 3, "acknowledged only once durable");
            e.call(ME, "delete", Args.of("id", "b")).join();
        }
        try (Engine e = open(file)) {
            assertEquals(4, e.offset());
            assertEquals(4, e.durableOffset());
            assertEquals(1, e.rows("node").size());
            assertEquals(5.0, e.find("node", "a").get(2));
            assertEquals(5, e.call(ME, "create", node("c", "f2", 0.0)).join().offset());
        }
        try (Engine e = open(file)) {
            assertEquals(5, e.offset());
            assertEquals(Set.of("a", "c"), ids(e, "node"));
        }
    }

    @Test
    void everyKindOfValueSurvivesReopening() {
        Schema schema = Schema.builder().table("v", t -> t.column("id", ColumnType.I64).primaryKey("id")
                .nullable("flag", ColumnType.BOOL).nullable("n", ColumnType.I64).nullable("x", ColumnType.F64)
                .nullable("text", ColumnType.STRING).nullable("data", ColumnType.BYTES)).build();
        List<Row> rows = List.of(
                Row.of(1L, true, Long.MIN_VALUE, -0.0, "", new byte[0]),
                Row.of(2L, false, Long.MAX_VALUE, Double.MIN_VALUE, "é \uD83D\uDE00 \u0000 日本", new byte[] {0, -1, 127}),
                Row.of(3L, null, null, null, null, null),
                Row.of(Long.MIN_VALUE, true, -1L, 1e300, "x".repeat(100_000), new byte[70_000]));
        Path file = dir.resolve("values.easel");
        try (Engine e = Engine.builder(schema)
                .reducer("put", (ctx, a) -> ctx.table("v").insert(((Row) a.raw("row")).toArray()))
                .document(file).open()) {
            rows.forEach(r -> e.call(ME, "put", Args.of("row", r)).join());
        }
        try (Engine e = Engine.builder(schema).document(file).open()) {
            assertEquals(new HashSet<>(rows), new HashSet<>(e.rows("v")));
            assertEquals(-0.0, (double) e.find("v", 1L).get(3), 0.0);
            assertTrue(1 / (double) e.find("v", 1L).get(3) < 0, "negative zero stays negative");
        }
    }

    @Test
    void closingSavesTheCallsStillInFlight() {
        Path file = dir.resolve("doc.easel");
        List<CompletableFuture<CallResult>> calls = new ArrayList<>();
        try (Engine e = open(file)) {
            for (int i = 0; i < 500; i++) {
                calls.add(e.call(ME, "create", node("n" + i, "", i)));
            }
        }
        calls.forEach(CompletableFuture::join);
        try (Engine e = open(file)) {
            assertEquals(500, e.offset());
            assertEquals(500, e.rows("node").size());
        }
    }

    @Test
    void transientTablesAreNeverWritten() {
        Path file = dir.resolve("doc.easel");
        try (Engine e = Fixtures.engine()
                .reducer("both", (ctx, a) -> {
                    ctx.table("node").insert(Map.of("id", "n"));
                    return ctx.table("cursor").insert("c2", 2.0);
                })
                .document(file).open()) {
            e.call(ME, "cursor", Args.of("id", "c1", "x", 1.0)).join();
            e.call(ME, "both", Args.EMPTY).join();
            assertEquals(2, e.rows("cursor").size());
        }
        try (Engine e = open(file)) {
            assertTrue(e.rows("cursor").isEmpty());
            assertEquals(Set.of("n"), ids(e, "node"));
        }
        // Not merely skipped when loading: the file has no place for the transient table at all.
        MVStore raw = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            assertTrue(raw.hasMap("t.node"));
            assertFalse(raw.getMapNames().stream().anyMatch(name -> name.contains("cursor")), raw.getMapNames()::toString);
        } finally {
            raw.close();
        }
    }

    @Test
    void failedCallsAndEmptyCallsUseNoOffset() {
        Path file = dir.resolve("doc.easel");
        try (Engine e = open(file)) {
            e.call(ME, "create", node("a", "", 0.0)).join();
            failure(e.call(ME, "create", node("a", "", 0.0)));
            CallResult unchanged = e.call(ME, "move", Args.of("id", "a", "x", 0.0)).join();
            assertFalse(unchanged.changed());
            assertEquals(1, unchanged.offset());
        }
        try (Engine e = open(file)) {
            assertEquals(1, e.offset());
        }
    }

    @Test
    void closedDocumentRefusesCalls() {
        Engine e = open(dir.resolve("doc.easel"));
        e.close();
        ReducerException refused = failure(e.call(ME, "create", node("a", "", 0.0)));
        assertEquals(ReducerException.CLOSED, refused.code());
        assertEquals("the document is closed", refused.getMessage());
        e.close();
    }

    @Test
    void aFileOpenInAnotherEngineIsRefused() {
        Path file = dir.resolve("doc.easel");
        try (Engine first = open(file)) {
            StoreException e = assertThrows(StoreException.class, () -> open(file));
            assertEquals(file + " is open in another Easel process", e.getMessage());
            first.call(ME, "create", node("a", "", 0.0)).join();
        }
        try (Engine again = open(file)) {
            assertEquals(1, again.offset());
        }
    }

    @Test
    void aFileThatIsNoDocumentIsRefused() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "not an easel document\n".repeat(500));
        StoreException e = assertThrows(StoreException.class, () -> open(file));
        assertTrue(e.getMessage().startsWith(file + " is not an Easel document or is damaged"), e.getMessage());
        assertEquals("not an easel document\n".repeat(500), Files.readString(file), "left untouched");
    }

    @Test
    void textTheFileCannotHoldIsRefusedWhenWritten() {
        // A lone surrogate has no UTF-8 form: saved, it would come back as '?', and two such keys would clash.
        Path file = dir.resolve("doc.easel");
        try (Engine e = open(file)) {
            for (String id : List.of("\uD800", "\uDBFF", "a\uDC00b", "\uDC00\uD800")) {
                ReducerException refused = failure(e.call(ME, "create", node(id, "", 0.0)));
                assertEquals(ReducerException.CONSTRAINT, refused.code(), refused::getMessage);
                assertTrue(refused.getMessage().startsWith("column node.id: expected text, got a string with a lone"
                        + " surrogate at index "), refused::getMessage);
            }
            e.call(ME, "create", node("\uD83D\uDE00 ok", "", 0.0)).join();
        }
        try (Engine e = open(file)) {
            assertEquals(Set.of("\uD83D\uDE00 ok"), ids(e, "node"));
        }
    }

    private static Set<Object> ids(Engine e, String table) {
        Set<Object> out = new HashSet<>();
        e.rows(table).forEach(r -> out.add(r.get(0)));
        return out;
    }
}
