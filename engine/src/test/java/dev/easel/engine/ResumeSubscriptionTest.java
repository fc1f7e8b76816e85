package dev.easel.engine;

import static dev.easel.engine.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
     * Commits to transient tables are not kept: a storm of cursor moves does not push the document's changes out
     * of the history, and a cursor subscription resumes with a snapshot, after the document's missed deltas.
     */
    @Test
    void aCursorStormLeavesTheDocumentsHistoryAlone() {
        try (Engine e = Fixtures.engine().historyLimit(3).open()) {
            e.call(ME, "create", node("a", "f1", 1)).join();
            long seen = e.offset();
            e.call(ME, "create", node("b", "f1", 1)).join();
            for (int i = 0; i < 10; i++) {
                e.call(ME, "cursor", Args.of("id", "me", "x", (double) i)).join();
            }
            e.call(ME, "move", Args.of("id", "a", "x", 5.0)).join();

            Fixtures.Recorder nodes = new Fixtures.Recorder();
            Fixtures.Recorder cursors = new Fixtures.Recorder();
            List<Subscription> subs = e.resume(ME, List.of(new Engine.ResumedQuery(F1, nodes),
                    new Engine.ResumedQuery("SELECT * FROM cursor", cursors)), seen);
            assertNotNull(subs, "ten cursor moves pushed the document's commits out of a history of three");
            assertEquals(List.of(2L, 13L), nodes.offsets());
            assertTrue(nodes.snapshots().isEmpty());
            assertTrue(cursors.deltas().isEmpty());
            assertEquals(1, cursors.snapshots().size(), "a transient table comes back as a snapshot");
            assertEquals(13, cursors.snapshots().get(0).offset());
            assertEquals(9.0, cursors.snapshots().get(0).rows().get(0).get(1));

            Fixtures.Recorder alone = new Fixtures.Recorder();
            resumeCursors(e, alone, seen);
            assertEquals(1, alone.snapshots().size(), "resuming one cursor subscription gives a snapshot too");
            assertTrue(alone.deltas().isEmpty());
        }
    }

    private static void resumeCursors(Engine e, Fixtures.Recorder recorder, long after) {
        e.subscribe(ME, "SELECT * FROM cursor", Map.of(), recorder, Engine.SubscribeOptions.resumeAfter(after));
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
