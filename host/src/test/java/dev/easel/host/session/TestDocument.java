package dev.easel.host.session;

import dev.easel.engine.Engine;
import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.ReducerContext;
import dev.easel.engine.tx.ReducerException;
import dev.easel.engine.tx.TableHandle;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small document for session tests: items anyone may move, and transient cursors (pointer, selection, view). */
final class TestDocument {
    static final Schema SCHEMA = Schema.builder()
            .table("item", t -> t.column("id", ColumnType.STRING).primaryKey("id")
                    .column("owner", ColumnType.STRING, "")
                    .column("x", ColumnType.F64, 0.0)
                    .column("y", ColumnType.F64, 0.0)
                    .nullable("label", ColumnType.STRING)
                    .hashIndex("by_owner", "owner"))
            .table("cursor", t -> t.transientTable().column("identity", ColumnType.STRING).primaryKey("identity")
                    .column("x", ColumnType.F64, 0.0)
                    .column("y", ColumnType.F64, 0.0)
                    .column("selection", ColumnType.STRING, "")
                    .column("zoom", ColumnType.F64, 1.0))
            .table("counter", t -> t.column("id", ColumnType.STRING).primaryKey("id")
                    .column("n", ColumnType.I64, 0L))
            .build();

    private TestDocument() {
    }

    static Engine open(Path file) {
        return builder(file).open();
    }

    /** The document's engine, to be adjusted before it opens (a file of null keeps it in memory). */
    static Engine.Builder builder(Path file) {
        Engine.Builder b = Engine.builder(SCHEMA)
                .reducer("put_item", (ctx, a) -> {
                    ctx.table("item").insert(Map.of("id", a.string("id"), "owner", ctx.caller().id(),
                            "x", a.f64("x"), "y", a.f64("y")));
                    return null;
                })
                .reducer("move", (ctx, a) -> {
                    Map<String, Object> patch = new HashMap<>();
                    patch.put("x", a.f64("x"));
                    patch.put("y", a.f64("y"));
                    ctx.table("item").update(a.string("id"), patch);
                    return null;
                })
                .reducer("label", (ctx, a) -> {
                    ctx.table("item").update(a.string("id"), Map.of("label", a.string("label")));
                    return null;
                })
                .reducer("delete_item", (ctx, a) -> ctx.table("item").delete(a.string("id")))
                .reducer("increment", (ctx, a) -> {
                    Row r = ctx.table("counter").find(a.string("id"));
                    long n = r == null ? 0 : (Long) r.get(1);
                    ctx.table("counter").upsert(Row.of(a.string("id"), n + 1));
                    return n + 1;
                })
                .reducer("fail_after_write", (ctx, a) -> {
                    ctx.table("item").update(a.string("id"), Map.of("x", 999_999.0));
                    throw new ReducerException("refused", "this reducer always refuses");
                })
                .reducer("set_cursor", (ctx, a) -> point(ctx, Map.of("x", a.f64("x"), "y", a.f64("y"))))
                .reducer("set_selection", (ctx, a) -> point(ctx, Map.of("selection",
                        String.join(",", a.list("ids").stream().map(String::valueOf).toList()))))
                .reducer("set_view", (ctx, a) -> point(ctx, Map.of("zoom", a.f64("zoom"))))
                .onDisconnect((ctx, a) -> ctx.table("cursor").delete(ctx.caller().id()));
        if (file != null) {
            b.document(file).syncWrites(false);
        }
        return b;
    }

    /** Sets columns of the caller's cursor row, creating it if needed. */
    private static Object point(ReducerContext ctx, Map<String, Object> patch) {
        TableHandle cursors = ctx.table("cursor");
        if (cursors.find(ctx.caller().id()) == null) {
            Map<String, Object> row = new HashMap<>(patch);
            row.put("identity", ctx.caller().id());
            cursors.insert(row);
        } else {
            cursors.update(ctx.caller().id(), patch);
        }
        return null;
    }

    static List<String> allTables() {
        return List.of("item", "cursor", "counter");
    }
}
