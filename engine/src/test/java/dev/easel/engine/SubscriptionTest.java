package dev.easel.engine;

import static dev.easel.engine.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.subscription.RowUpdate;
import dev.easel.engine.subscription.Subscription;
import dev.easel.engine.subscription.SubscriptionListener;
import dev.easel.engine.subscription.TableDelta;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.TxInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What one subscriber is told, case by case (the property test covers the same ground at random). */
class SubscriptionTest {
    private static final Identity ANN = new Identity("ann");
    private static final Identity BOB = new Identity("bob");

    private Engine engine;

    @BeforeEach
    void open() {
        engine = Fixtures.engine()
                .reducer("reparent", (ctx, a) -> ctx.table("node").update(a.string("id"), Map.of("parent", a.string("parent"))))
                .open();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private Fixtures.Recorder subscribe(Identity who, String sql) {
        Fixtures.Recorder recorder = new Fixtures.Recorder();
        engine.subscribe(who, sql, recorder);
        return recorder;
    }

    private TableDelta last(Fixtures.Recorder r) {
        return r.deltas().get(r.deltas().size() - 1).delta();
    }

    @Test
    void rowsEnteringOrLeavingAFilterArriveAsInsertsAndDeletes() {
        engine.call(ANN, "create", node("a", "f1", 1)).join();
        Fixtures.Recorder f2 = subscribe(ANN, "SELECT * FROM node WHERE parent = 'f2'");
        assertEquals(List.of(), f2.snapshots().get(0).rows());

        engine.call(ANN, "reparent", Args.of("id", "a", "parent", "f2")).join();
        assertEquals(List.of(Row.of("a", "f2", 1.0, null, 0L)), last(f2).inserts());
        engine.call(ANN, "move", Args.of("id", "a", "x", 2.0)).join();
        assertEquals(1, last(f2).updates().size());
        engine.call(ANN, "reparent", Args.of("id", "a", "parent", "f3")).join();
        assertEquals(List.of(Row.of("a", "f2", 2.0, null, 0L)), last(f2).deletes(), "the row as it was when it left");
        assertEquals(3, f2.deltas().size());
    }

    @Test
    void updatesNameOnlyTheColumnsThatChanged() {
        Fixtures.Recorder all = subscribe(ANN, "SELECT * FROM node");
        engine.call(ANN, "create", node("a", "f1", 1)).join();
        engine.call(ANN, "move", Args.of("id", "a", "x", 4.0)).join();
        RowUpdate u = last(all).updates().get(0);
        assertArrayEquals(new int[] {2}, u.changedColumns());
        assertEquals(1.0, u.before().get(2));
        assertEquals(4.0, u.after().get(2));
    }

    @Test
    void subscriptionsMatchingTheSameRowsShareOneDeltaPerCommit() {
        Fixtures.Recorder ann = new Fixtures.Recorder();
        Subscription annSub = engine.subscribe(ANN, "SELECT * FROM node WHERE parent = 'f1'", ann);
        Fixtures.Recorder bob = subscribe(BOB, "SELECT * FROM node WHERE parent = 'f1'");
        Fixtures.Recorder other = subscribe(BOB, "SELECT * FROM node WHERE parent = 'f2'");
        engine.call(ANN, "create", node("a", "f1", 1)).join();
        engine.call(ANN, "create", node("b", "f2", 1)).join();
        assertSame(last(ann), last(bob), "built once, handed to both");
        assertEquals(List.of(Row.of("a", "f1", 1.0, null, 0L)), last(bob).inserts());
        assertEquals(List.of(Row.of("b", "f2", 1.0, null, 0L)), last(other).inserts(), "another filter, its own delta");

        engine.unsubscribe(annSub);
        engine.call(ANN, "move", Args.of("id", "a", "x", 3.0)).join();
        assertEquals(1, ann.deltas().size(), "no more after unsubscribing");
        assertEquals(2, bob.deltas().size(), "the other subscriber of the same query goes on");
        assertEquals(3.0, last(bob).updates().get(0).after().get(2));
    }

    @Test
    void aCallThatChangesNothingTellsNobody() {
        Fixtures.Recorder all = subscribe(ANN, "SELECT * FROM node");
        engine.call(ANN, "create", node("a", "f1", 1)).join();
        engine.call(ANN, "move", Args.of("id", "a", "x", 1.0)).join();
        assertEquals(List.of(1L), all.offsets());
        assertEquals(1, engine.offset());
    }

    @Test
    void senderIsEachSubscribersOwnIdentity() {
        Fixtures.Recorder ann = subscribe(ANN, "SELECT * FROM cursor WHERE id = :sender");
        Fixtures.Recorder bob = subscribe(BOB, "SELECT * FROM cursor WHERE id = :sender");
        engine.call(ANN, "cursor", Args.of("id", "ann", "x", 1.0)).join();
        engine.call(BOB, "cursor", Args.of("id", "bob", "x", 2.0)).join();
        assertEquals(List.of(1L), ann.offsets());
        assertEquals(List.of(2L), bob.offsets());
    }

    @Test
    void unsubscribedListenersHearNothingMore() {
        Fixtures.Recorder recorder = new Fixtures.Recorder();
        Subscription s = engine.subscribe(ANN, "SELECT * FROM node", recorder);
        engine.call(ANN, "create", node("a", "", 1)).join();
        engine.unsubscribe(s);
        engine.call(ANN, "create", node("b", "", 1)).join();
        assertEquals(List.of(1L), recorder.offsets());
        assertEquals(0, engine.subscriptionCount());
    }

    @Test
    void aListenerThatThrowsIsDroppedAndTheRestCarryOn() {
        engine.subscribe(ANN, "SELECT * FROM node", new SubscriptionListener() {
            @Override
            public void onSnapshot(Subscription s, long offset, List<Row> rows) {
            }

            @Override
            public void onDelta(Subscription s, TxInfo tx, TableDelta delta) {
                throw new IllegalStateException("a broken client");
            }
        });
        Fixtures.Recorder healthy = subscribe(BOB, "SELECT * FROM node");
        engine.call(ANN, "create", node("a", "", 1)).join();
        engine.call(ANN, "create", node("b", "", 1)).join();
        assertEquals(List.of(1L, 2L), healthy.offsets());
        assertEquals(1, engine.subscriptionCount());
    }

    @Test
    void equalityOnLargeIntegersIsExact() {
        // The subscription is filed under the value 2^53; 2^53 + 1 must neither match it nor slip past it.
        Schema schema = Schema.builder().table("big", t -> t.column("id", ColumnType.I64).primaryKey("id")
                .column("n", ColumnType.I64, 0L)).build();
        try (Engine e = Engine.builder(schema)
                .reducer("put", (ctx, a) -> ctx.table("big").insert(a.i64("id"), a.i64("n"))).open()) {
            String sql = "SELECT * FROM big WHERE n = 9007199254740992.0";
            Fixtures.Recorder recorder = new Fixtures.Recorder();
            e.subscribe(ANN, sql, recorder);
            e.call(ANN, "put", Args.of("id", 1, "n", (1L << 53) + 1)).join();
            e.call(ANN, "put", Args.of("id", 2, "n", 1L << 53)).join();
            assertEquals(List.of(Row.of(2L, 1L << 53)), e.select(sql, Map.of()));
            assertEquals(List.of(2L), recorder.offsets());
            assertTrue(e.select("SELECT * FROM big WHERE n > 9007199254740992.0", Map.of()).contains(Row.of(1L, (1L << 53) + 1)));
        }
    }
}
