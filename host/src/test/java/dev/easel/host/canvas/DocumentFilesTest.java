package dev.easel.host.canvas;

import static dev.easel.host.canvas.CanvasFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.Engine;
import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.store.StoreException;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentFilesTest {
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(1_000_000L);

    @Test
    void createMakesANewFileAndOpenReadsIt() {
        Path file = dir.resolve("new.easel");
        try (Engine e = Canvas.create(file, clock)) {
            e.connect(ALICE, Args.of("name", "Alice")).join();
            e.call(ALICE, "create_node", Args.of("id", "n", "kind", "rect", "page", Lifecycle.FIRST_PAGE_ID)).join();
        }
        StoreException exists = assertThrows(StoreException.class, () -> Canvas.create(file, clock));
        assertTrue(exists.getMessage().contains("exists already"), exists.getMessage());
        try (Engine e = Canvas.open(file, clock)) {
            assertEquals("rect", e.find(CanvasSchema.NODE, "n").get(Nodes.KIND));
        }
    }

    @Test
    void openRefusesWhatIsNotADocument() throws IOException {
        StoreException missing = assertThrows(StoreException.class, () -> Canvas.open(dir.resolve("nope.easel"), clock));
        assertTrue(missing.getMessage().contains("there is no document"), missing.getMessage());
        Path junk = Files.writeString(dir.resolve("notes.txt"), "shopping list: milk, eggs".repeat(200));
        StoreException notOurs = assertThrows(StoreException.class, () -> Canvas.open(junk, clock));
        assertTrue(notOurs.getMessage().contains("not an Easel document"), notOurs.getMessage());
    }

    @Test
    void saveAsWritesACopyWithItsHistory() {
        Path copy = dir.resolve("copy.easel");
        try (CanvasFixture doc = CanvasFixture.withTwoEditors(dir)) {
            doc.rect(ALICE, "a", 0, 0);
            doc.call(ALICE, "move_nodes", "moves", List.of(Map.of("id", "a", "x", 9.0, "y", 9.0)));
            doc.call(ALICE, "put_asset", "bytes", Images.encode("png", 2, 2));
            Canvas.saveAs(doc.engine, copy);
            doc.call(ALICE, "move_nodes", "moves", List.of(Map.of("id", "a", "x", 20.0, "y", 9.0)));
            StoreException self = assertThrows(StoreException.class, () -> Canvas.saveAs(doc.engine, doc.file));
            assertTrue(self.getMessage().contains("own file"), self.getMessage());
        }
        try (Engine e = Canvas.open(copy, clock)) {
            assertEquals(9.0, e.find(CanvasSchema.NODE, "a").get(Nodes.X), "the copy holds the state when saved");
            assertEquals(1, e.rows(CanvasSchema.ASSET).size());
            assertTrue(e.rows(CanvasSchema.PRESENCE).isEmpty(), "transient tables are not saved");
            e.connect(ALICE, Args.of("name", "Alice")).join();
            e.call(ALICE, "undo", Args.EMPTY).join();
            assertEquals(0.0, e.find(CanvasSchema.NODE, "a").get(Nodes.X), "undo history travels with the copy");
        }
    }

    @Test
    void saveAsReplacesAFileThatIsThere() throws IOException {
        Path target = Files.writeString(dir.resolve("old.easel"), "old contents");
        try (CanvasFixture doc = CanvasFixture.withTwoEditors(dir)) {
            doc.rect(ALICE, "a", 0, 0);
            Canvas.saveAs(doc.engine, target);
        }
        try (Engine e = Canvas.open(target, clock)) {
            assertEquals(1, e.rows(CanvasSchema.NODE).size());
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".saving")), "no temporary file is left behind");
        }
    }

    @Test
    void aDocumentFromANewerEaselIsRefused() {
        Path file = dir.resolve("future.easel");
        Schema future = Schema.builder().version(CanvasSchema.VERSION + 1)
                .table("node", t -> t.column("id", ColumnType.STRING).primaryKey("id")).build();
        Engine.builder(future).document(file).open().close();
        StoreException e = assertThrows(StoreException.class, () -> Canvas.open(file, clock));
        assertTrue(e.getMessage().contains("newer Easel"), e.getMessage());
    }

    @Test
    void aDocumentWithFewerColumnsIsMigratedOnOpen() {
        Path file = dir.resolve("old.easel");
        Schema old = Schema.builder()
                .table("node", t -> t.column("id", ColumnType.STRING).primaryKey("id")
                        .column("page", ColumnType.STRING).nullable("parent", ColumnType.STRING)
                        .column("kind", ColumnType.STRING).column("x", ColumnType.F64).column("y", ColumnType.F64)
                        .column("z", ColumnType.STRING))
                .table("page", t -> t.column("id", ColumnType.STRING).primaryKey("id")
                        .column("name", ColumnType.STRING).column("z", ColumnType.STRING))
                .build();
        try (Engine e = Engine.builder(old).document(file)
                .reducer("seed", (ctx, a) -> {
                    ctx.table("page").insert("p", "Old page", "a0");
                    ctx.table("node").insert("n", "p", null, "rect", 4.0, 5.0, "a0");
                    return null;
                }).open()) {
            e.call(ALICE, "seed", Args.EMPTY).join();
        }
        try (Engine e = Canvas.open(file, clock)) {
            Row n = e.find(CanvasSchema.NODE, "n");
            assertEquals(4.0, n.get(Nodes.X));
            assertEquals(1.0, n.get(Nodes.TABLE.columnIndex("opacity")), "added columns take their defaults");
            assertEquals(true, n.get(Nodes.TABLE.columnIndex("visible")));
            assertEquals(false, n.get(Nodes.TABLE.columnIndex("locked")));
            e.call(ALICE, "move_nodes", Args.of("moves", List.of(Map.of("id", "n", "x", 7.0, "y", 5.0)))).join();
            e.call(ALICE, "undo", Args.EMPTY).join();
            assertEquals(4.0, e.find(CanvasSchema.NODE, "n").get(Nodes.X));
        }
    }
}
