package dev.easel.engine;

import static dev.easel.engine.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.replica.Replica;
import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.subscription.Subscription;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.Identity;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A subscriber that comes back with the last offset it saw gets what it missed, or a snapshot if that is gone. */
class ResumeSubscriptionTest {
    private static final Identity ME = new Identity("me");
    private static final String F1 = "SELECT * FROM node WHERE parent = 'f1'";

    private static Subscription resume(Engine e, Fixtures.Recorder recorder, long after) {
        return e.subscribe(ME, F1, Map.of(), recorder, Engine.SubscribeOptions.resumeAfter(after));
    }

    @Test
    void resumingGetsExactlyTheMissedDeltas() {
        try (Engine e = Fixtures.engine().open()) {
            Replica replica = new Replica(Fixtures.SCHEMA);
            Subscription first = e.subscribe(ME, F1, Map.of(), Fixtures.feeding(replica), Engine.SubscribeOptions.DEFAULT);
            e.call(ME, "create", node("a", "f1", 1)).join();
            e.call(ME, "create", node("b", "f1", 1)).join();
            long seen = e.offset();
            e.unsubscribe(first);

            e.call(ME, "move", Args.of("id", "a", "x", 5.0)).join();
            e.call(ME, "create", node("elsewhere", "f2", 1)).join();
            e.call(ME, "create", node("c", "f1", 1)).join();
            e.call(ME, "cursor", Args.of("id", "me", "x", 1.0)).join();
            e.call(ME, "delete", Args.of("id", "b")).join();

            Fixtures.Recorder recorder = new Fixtures.Recorder();
            resume(e, recorder, seen);
            assertTrue(recorder.snapshots().isEmpty(), "no snapshot when the deltas will do");
            assertEquals(List.of(3L, 5L, 7L), recorder.offsets());
            // The client files the resumed deltas under its old query.
            recorder.deltas().forEach(d -> replica.applyTransaction(d.tx(),
                    List.of(Fixtures.toQueryChange(first.id(), d.delta())), null));
            assertEquals(new HashSet<>(e.select(F1, Map.of())), new HashSet<>(replica.rows("node")));
            assertEquals(5.0, replica.find("node", "a").get(2));

            e.call(ME, "move", Args.of("id", "c", "x", 2.0)).join();
            assertEquals(List.of(3L, 5L, 7L, 8L), recorder.offsets(), "and then live deltas, as usual");
        }
    }

    @Test
    void resumingAtTheCurrentOffsetDeliversNothingUntilTheNextCommit() {
        try (Engine e = Fixtures.engine().open()) {
            e.call(ME, "create", node("a", "f1", 1)).join();
            Fixtures.Recorder recorder = new Fixtures.Recorder();
            resume(e, recorder, e.offset());
            assertTrue(recorder.snapshots().isEmpty());
            assertTrue(recorder.deltas().isEmpty());
            e.call(ME, "create", node("b", "f1", 1)).join();
            assertEquals(List.of(2L), recorder.offsets());
        }
    }

    @Test
    void resumingFromBeyondTheKeptHistoryGetsASnapshot() {
        try (Engine e = Fixtures.engine().historyLimit(2).open()) {
            for (int i = 1; i <= 5; i++) {
                e.call(ME, "create", node("n" + i, "f1", i)).join();
            }
            Fixtures.Recorder edge = new Fixtures.Recorder();
            resume(e, edge, 3);
            assertEquals(List.of(4L, 5L), edge.offsets(), "the oldest commit still kept is enough");

            Fixtures.Recorder tooOld = new Fixtures.Recorder();
            resume(e, tooOld, 2);
            assertTrue(tooOld.deltas().isEmpty());
            assertEquals(1, tooOld.snapshots().size());
            assertEquals(5, tooOld.snapshots().get(0).offset());
            assertEquals(5, tooOld.snapshots().get(0).rows().size());

            Fixtures.Recorder fromTheFuture = new Fixtures.Recorder();
            resume(e, fromTheFuture, 99);
            assertEquals(1, fromTheFuture.snapshots().size(), "an offset this engine never reached");
        }
    }

    /**
     * The history is bounded by memory too: large byte strings (images) push the oldest commits out long
     * before ten thousand commits do, and a commit larger than the whole budget is not kept at all.
     */
    @Test
    void largeCommitsPushOutTheHistoryByTheirSize() {
        Schema schema = Schema.builder()
                .table("blob", t -> t.column("id", ColumnType.STRING).primaryKey("id").column("data", ColumnType.BYTES))
                .build();
        try (Engine e = Engine.builder(schema).historyBytes(1 << 20)
                .reducer("put", (ctx, a) -> ctx.table("blob").upsert(Row.of(a.string("id"), a.bytes("data"))))
                .open()) {
            java.util.function.BiConsumer<String, Integer> put = (id, size) ->
                    e.call(ME, "put", Args.of("id", id, "data", new byte[size])).join();
            java.util.function.LongFunction<Fixtures.Recorder> resumeAfter = offset -> {
                Fixtures.Recorder r = new Fixtures.Recorder();
                e.subscribe(ME, "SELECT * FROM blob", Map.of(), r, Engine.SubscribeOptions.resumeAfter(offset));
                return r;
            };
            put.accept("a", 10);
            put.accept("big1", 600 * 1024);
            put.accept("b", 10);
            assertEquals(List.of(2L, 3L), resumeAfter.apply(1).offsets(), "under the budget, all is kept");

            put.accept("big2", 600 * 1024);
            put.accept("c", 10);
            assertEquals(1, resumeAfter.apply(1).snapshots().size(), "the first large commit was pushed out");
            assertEquals(List.of(3L, 4L, 5L), resumeAfter.apply(2).offsets());

            put.accept("huge", 2 << 20);
            put.accept("d", 10);
            assertEquals(1, resumeAfter.apply(5).snapshots().size(), "a commit over the whole budget is not kept");
            assertEquals(List.of(7L), resumeAfter.apply(6).offsets());
        }
    }

    @Test
    void historyDoesNotSurviveReopening(@TempDir Path dir) {
        Path file = dir.resolve("doc.easel");
        try (Engine e = Fixtures.engine().document(file).open()) {
            e.call(ME, "create", node("a", "f1", 1)).join();
            e.call(ME, "create", node("b", "f1", 1)).join();
        }
        try (Engine e = Fixtures.engine().document(file).open()) {
            Fixtures.Recorder recorder = new Fixtures.Recorder();
            resume(e, recorder, 1);
            assertEquals(List.of(), recorder.deltas());
            List<Row> rows = recorder.snapshots().get(0).rows();
            assertEquals(2, rows.size());
        }
    }
}
