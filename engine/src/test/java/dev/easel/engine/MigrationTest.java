package dev.easel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.store.StoreException;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.Identity;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a document written with an older schema: what can be migrated is, what cannot is refused cleanly. */
class MigrationTest {
    private static final Identity ME = new Identity("me");
    private static final Consumer<TableSchema.Builder> NODE_V1 = t -> t.column("id", ColumnType.STRING)
            .primaryKey("id").column("x", ColumnType.F64, 0.0).column("label", ColumnType.STRING, "");
    private static final Consumer<TableSchema.Builder> TAG_V1 =
            t -> t.column("id", ColumnType.I64).primaryKey("id").column("note", ColumnType.STRING, "");
    /** Version 1: node(id, x, label) and tag(id, note). */
    private static final Schema V1 = schema(1, NODE_V1, TAG_V1);

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void writeVersionOne() {
        file = dir.resolve("doc.easel");
        try (Engine e = Engine.builder(V1)
                .reducer("add", (ctx, a) -> {
                    ctx.table("node").insert(a.string("id"), a.f64("x"), a.string("label"));
                    return ctx.table("tag").insert(a.i64("tag"), "note " + a.i64("tag"));
                })
                .document(file).open()) {
            e.call(ME, "add", Args.of("id", "a", "x", 1.5, "label", "first", "tag", 1)).join();
            e.call(ME, "add", Args.of("id", "b", "x", 2.5, "label", "second", "tag", 2)).join();
        }
    }

    private static Schema schema(int version, Consumer<TableSchema.Builder> node,
            Consumer<TableSchema.Builder> tag) {
        return Schema.builder().version(version).table("node", node).table("tag", tag).build();
    }

    private Engine open(Schema schema) {
        return Engine.builder(schema).document(file).open();
    }

    @Test
    void newColumnsTakeTheirDefaultsAndRemovedColumnsAreDropped() {
        // Version 2 puts a new column in the middle, adds a nullable one at the end and drops label.
        Schema v2 = schema(2, t -> t.column("id", ColumnType.STRING).primaryKey("id")
                .column("visible", ColumnType.BOOL, true)
                .column("x", ColumnType.F64, 0.0)
                .nullable("note", ColumnType.STRING), TAG_V1);
        try (Engine e = open(v2)) {
            assertEquals(2, e.offset());
            assertEquals(Row.of("a", true, 1.5, null), e.find("node", "a"));
            assertEquals(Row.of("b", true, 2.5, null), e.find("node", "b"));
            assertEquals(Row.of(1L, "note 1"), e.find("tag", 1L));
        }
        try (Engine e = open(v2)) {
            assertEquals(Row.of("a", true, 1.5, null), e.find("node", "a"), "the migration was saved");
        }
    }

    @Test
    void aColumnThatChangedTypeIsRefused() {
        Schema v2 = schema(2, t -> t.column("id", ColumnType.STRING).primaryKey("id")
                .column("x", ColumnType.STRING, "")
                .column("label", ColumnType.STRING, ""), TAG_V1);
        StoreException e = assertThrows(StoreException.class, () -> open(v2));
        assertEquals(file + ": column node.x changed type from F64 to STRING; this document cannot be migrated",
                e.getMessage());
        assertVersionOneIntact();
    }

    @Test
    void aNewRequiredColumnWithoutDefaultIsRefused() {
        Schema v2 = schema(2, NODE_V1.andThen(t -> t.column("owner", ColumnType.STRING)), TAG_V1);
        StoreException e = assertThrows(StoreException.class, () -> open(v2));
        assertEquals(file + ": column node.owner is new, required and has no default, so this document cannot be"
                + " migrated", e.getMessage());
        assertVersionOneIntact();
    }

    @Test
    void aRefusedMigrationLeavesEveryTableAsItWas() {
        // node could be migrated, but tag cannot: the document must not be left half migrated.
        Schema v2 = schema(2, t -> t.column("id", ColumnType.STRING).primaryKey("id")
                .column("extra", ColumnType.I64, 7L)
                .column("x", ColumnType.F64, 0.0)
                .column("label", ColumnType.STRING, ""),
                t -> t.column("id", ColumnType.I64).primaryKey("id").column("note", ColumnType.BOOL, false));
        assertThrows(StoreException.class, () -> open(v2));
        assertVersionOneIntact();
    }

    @Test
    void aDocumentFromANewerVersionIsRefused() {
        Schema v3 = schema(3, NODE_V1, TAG_V1);
        try (Engine e = open(v3)) {
            assertEquals(2, e.rows("node").size());
        }
        StoreException e = assertThrows(StoreException.class, () -> open(V1));
        assertEquals(file + " was written by a newer Easel (document schema 3, this version reads up to 1):"
                + " update Easel to open it", e.getMessage());
        try (Engine again = open(v3)) {
            assertEquals(2, again.offset(), "the refusal did not damage or lock the file");
        }
    }

    @Test
    void aTableAddedLaterCanLaterGainColumns() {
        // Same version number: layouts, not version bumps, decide what is migrated.
        Schema withGroup = Schema.builder().table("node", NODE_V1).table("tag", TAG_V1)
                .table("grp", t -> t.column("id", ColumnType.I64).primaryKey("id")).build();
        try (Engine e = Engine.builder(withGroup)
                .reducer("group", (ctx, a) -> ctx.table("grp").insert(a.i64("id")))
                .document(file).open()) {
            e.call(ME, "group", Args.of("id", 9)).join();
        }
        Schema named = Schema.builder().table("node", NODE_V1).table("tag", TAG_V1)
                .table("grp", t -> t.column("id", ColumnType.I64).primaryKey("id")
                        .column("name", ColumnType.STRING, "unnamed")).build();
        try (Engine e = open(named)) {
            assertEquals(Row.of(9L, "unnamed"), e.find("grp", 9L));
            assertEquals(2, e.rows("node").size());
        }
    }

    /** The file still opens with version 1, with every row as written. */
    private void assertVersionOneIntact() {
        try (Engine e = open(V1)) {
            assertEquals(2, e.offset());
            assertEquals(Set.of(Row.of("a", 1.5, "first"), Row.of("b", 2.5, "second")), new HashSet<>(e.rows("node")));
            assertEquals(Set.of(Row.of(1L, "note 1"), Row.of(2L, "note 2")), new HashSet<>(e.rows("tag")));
            assertNull(e.find("node", "c"));
        }
    }
}
