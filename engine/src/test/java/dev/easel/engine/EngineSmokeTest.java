package dev.easel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.replica.Replica;
import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.Identity;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main path in one go: reducers commit, a subscriber's replica follows, and the file keeps it all. */
class EngineSmokeTest {
    static final Schema SCHEMA = Schema.builder()
            .table("node", t -> t.column("id", ColumnType.STRING).primaryKey("id")
                    .column("parent", ColumnType.STRING, "")
                    .column("x", ColumnType.F64, 0.0)
                    .column("y", ColumnType.F64, 0.0)
                    .nullable("name", ColumnType.STRING)
                    .hashIndex("by_parent", "parent"))
            .build();

    static Engine.Builder engine() {
        return Engine.builder(SCHEMA)
                .reducer("create", (ctx, a) -> ctx.table("node").insert(Map.of("id", a.string("id"),
                        "parent", a.string("parent"), "x", a.f64("x"))))
                .reducer("move", (ctx, a) -> ctx.table("node").update(a.string("id"), Map.of("x", a.f64("x"))))
                .reducer("fail", (ctx, a) -> {
                    ctx.table("node").insert(Map.of("id", "zzz"));
                    throw new IllegalStateException("boom");
                });
    }

    @Test
    void subscriberReplicaFollowsCommits(@TempDir Path dir) {
        Identity me = new Identity("me");
        try (Engine e = engine().document(dir.resolve("doc.easel")).open()) {
            Replica replica = new Replica(SCHEMA);
            e.subscribe(me, "SELECT * FROM node WHERE parent = 'f1'", Map.of(), Fixtures.feeding(replica),
                    Engine.SubscribeOptions.DEFAULT);
            e.call(me, "create", Args.of("id", "a", "parent", "f1", "x", 1.0)).join();
            e.call(me, "create", Args.of("id", "b", "parent", "f2", "x", 1.0)).join();
            e.call(me, "move", Args.of("id", "a", "x", 5.5)).join();
            assertTrue(e.call(me, "fail", Args.EMPTY).isCompletedExceptionally());
            assertEquals(3, e.offset());
            assertEquals(1, replica.rows("node").size());
            assertEquals(5.5, replica.find("node", "a").get(2));
        }
        try (Engine e = engine().document(dir.resolve("doc.easel")).open()) {
            assertEquals(3, e.offset());
            assertEquals(2, e.rows("node").size());
            assertEquals(5.5, e.find("node", "a").get(2));
        }
    }
}
