package dev.easel.engine.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.Fixtures;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.TxInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's copy: rows shared between queries, column patches, and the prediction overlay. */
class ReplicaTest {
    private static final TableSchema NODE = Fixtures.SCHEMA.table("node");
    private static final long Q1 = 1;
    private static final long Q2 = 2;

    private Replica replica;
    /** What listeners heard, one line per event. */
    private final List<String> heard = new ArrayList<>();

    private static Row node(String id, double x) {
        return Row.of(id, "", x, null, 0L);
    }

    private static TxInfo tx(long offset) {
        return new TxInfo(offset, 0, new Identity("host"), "r", null);
    }

    private static QueryChange change(long query, List<Row> inserts, List<RowPatch> updates, List<Object> deletes) {
        return new QueryChange(query, NODE, inserts, updates, deletes);
    }

    private static RowPatch moveTo(String id, double x) {
        return new RowPatch(id, new int[] {2}, new Object[] {x});
    }

    private Set<Object> visibleIds() {
        Set<Object> ids = new HashSet<>();
        replica.rows("node").forEach(r -> ids.add(r.get(0)));
        return ids;
    }

    @BeforeEach
    void setUp() {
        replica = new Replica(Fixtures.SCHEMA);
        replica.addListener(new ReplicaListener() {
            @Override
            public void onInsert(TableSchema table, Row row) {
                heard.add("insert " + row.get(0));
            }

            @Override
            public void onUpdate(TableSchema table, Row before, Row after) {
                heard.add("update " + after.get(0) + " x " + before.get(2) + " -> " + after.get(2));
            }

            @Override
            public void onDelete(TableSchema table, Row row) {
                heard.add("delete " + row.get(0));
            }

            @Override
            public void onApplied(long offset) {
                heard.add("applied " + offset);
            }
        });
    }

    @Test
    void aRowSharedByTwoQueriesLeavesWithTheLastOfThem() {
        replica.applySnapshot(Q1, NODE, List.of(node("a", 1), node("b", 1)), 3);
        replica.applySnapshot(Q2, NODE, List.of(node("b", 1), node("c", 1)), 3);
        assertEquals(Set.of("a", "b", "c"), visibleIds());

        replica.applyTransaction(tx(4), List.of(change(Q1, List.of(), List.of(), List.of("b"))), null);
        assertEquals(Set.of("a", "b", "c"), visibleIds(), "q2 still holds b");
        replica.applyTransaction(tx(5), List.of(change(Q2, List.of(), List.of(), List.of("b"))), null);
        assertEquals(Set.of("a", "c"), visibleIds());

        replica.dropQuery(Q2);
        assertEquals(Set.of("a"), visibleIds());
        replica.dropQuery(Q1);
        assertEquals(Set.of(), visibleIds());
        assertEquals(5, replica.offset());
    }

    @Test
    void aRowMovingBetweenQueriesInOneTransactionStaysWhole() {
        replica.applySnapshot(Q1, NODE, List.of(node("a", 1)), 1);
        replica.applySnapshot(Q2, NODE, List.of(), 1);
        heard.clear();
        // a leaves q1 and enters q2 in the same transaction, in either order of the parts.
        replica.applyTransaction(tx(2), List.of(change(Q1, List.of(), List.of(), List.of("a")),
                change(Q2, List.of(node("a", 7)), List.of(), List.of())), null);
        assertEquals(node("a", 7), replica.find("node", "a"));
        replica.applyTransaction(tx(3), List.of(change(Q1, List.of(node("a", 8)), List.of(), List.of()),
                change(Q2, List.of(), List.of(), List.of("a"))), null);
        assertEquals(node("a", 8), replica.find("node", "a"));
        assertEquals(List.of("update a x 1.0 -> 7.0", "applied 2", "update a x 7.0 -> 8.0", "applied 3"), heard,
                "never seen to leave");
        replica.dropQuery(Q1);
        assertNull(replica.find("node", "a"));
    }

    @Test
    void patchesChangeOnlyTheirColumns() {
        replica.applySnapshot(Q1, NODE, List.of(Row.of("a", "f1", 1.0, "name", 4L)), 1);
        replica.applyTransaction(tx(2), List.of(change(Q1, List.of(),
                List.of(new RowPatch("a", new int[] {2, 4}, new Object[] {2.5, 9L})), List.of())), null);
        assertEquals(Row.of("a", "f1", 2.5, "name", 9L), replica.find("node", "a"));
    }

    @Test
    void aBatchOfPatchesTellsEachRowOnceWithItsNetChange() {
        replica.applySnapshot(Q1, NODE, List.of(node("a", 1), node("b", 1), node("c", 1)), 1);
        heard.clear();
        replica.applyTransactions(List.of(
                new Replica.Transaction(tx(2), List.of(change(Q1, List.of(), List.of(moveTo("a", 2), moveTo("b", 5)),
                        List.of())), null),
                new Replica.Transaction(tx(3), List.of(change(Q1, List.of(), List.of(moveTo("c", 4), moveTo("a", 3),
                        moveTo("b", 1)), List.of())), null)));
        // b ends where it began: nothing to tell.
        assertEquals(List.of("update a x 1.0 -> 3.0", "update c x 1.0 -> 4.0", "applied 3"), heard);
        heard.clear();
        replica.applyTransactions(List.of(new Replica.Transaction(tx(4),
                List.of(change(Q1, List.of(), List.of(moveTo("a", 6)), List.of())), null)));
        replica.applyTransactions(List.of(new Replica.Transaction(tx(5),
                List.of(change(Q1, List.of(), List.of(moveTo("a", 7)), List.of())), null)));
        assertEquals(List.of("update a x 3.0 -> 6.0", "applied 4", "update a x 6.0 -> 7.0", "applied 5"), heard,
                "each batch tells the rows it patched, however recently an earlier one did");
    }

    @Test
    void aBatchThatPatchesADeletedRowAndInsertsItAgainTellsItOnce() {
        replica.applySnapshot(Q1, NODE, List.of(node("a", 1)), 1);
        heard.clear();
        replica.applyTransactions(List.of(
                new Replica.Transaction(tx(2), List.of(change(Q1, List.of(), List.of(moveTo("a", 2)), List.of())),
                        null),
                new Replica.Transaction(tx(3), List.of(change(Q1, List.of(), List.of(), List.of("a"))), null),
                new Replica.Transaction(tx(4), List.of(change(Q1, List.of(node("a", 9)), List.of(), List.of())),
                        null)));
        assertEquals(List.of("update a x 1.0 -> 9.0", "applied 4"), heard);
    }

    @Test
    void aResyncDropsWhatTheQueryNoLongerHas() {
        replica.applySnapshot(Q1, NODE, List.of(node("a", 1), node("b", 1)), 1);
        replica.applySnapshot(Q1, NODE, List.of(node("b", 2)), 5);
        assertEquals(List.of(node("b", 2)), replica.rows("node"));
        assertEquals(5, replica.offset());
    }

    @Test
    void listenersHearAfterTheWholeTransaction() {
        List<Integer> sizesSeen = new ArrayList<>();
        replica.addListener(new ReplicaListener() {
            @Override
            public void onInsert(TableSchema table, Row row) {
                sizesSeen.add(replica.size("node"));
            }
        });
        replica.applySnapshot(Q1, NODE, List.of(), 0);
        replica.applyTransaction(tx(1), List.of(change(Q1, List.of(node("a", 1), node("b", 1), node("c", 1)),
                List.of(), List.of())), null);
        assertEquals(List.of(3, 3, 3), sizesSeen);
    }

    @Test
    void predictionsShowAtOnceAndGoWhenResolved() {
        replica.applySnapshot(Q1, NODE, List.of(node("a", 1), node("b", 1)), 1);
        heard.clear();
        replica.predict("call-1", List.of(new Replica.Prediction(NODE, "a", node("a", 9)),
                new Replica.Prediction(NODE, "b", null),
                new Replica.Prediction(NODE, "new", node("new", 0))));

        assertEquals(node("a", 9), replica.find("node", "a"));
        assertNull(replica.find("node", "b"));
        assertEquals(Set.of("a", "new"), visibleIds());
        assertEquals(Set.of(node("a", 1), node("b", 1)), new HashSet<>(replica.confirmedRows("node")));
        assertTrue(replica.hasPredictions());

        replica.resolve("call-1");
        assertEquals(Set.of("a", "b"), visibleIds());
        assertEquals(node("a", 1), replica.find("node", "a"));
        assertFalse(replica.hasPredictions());
        assertEquals(List.of("delete b", "insert new", "update a x 1.0 -> 9.0", "applied 1",
                "delete new", "insert b", "update a x 9.0 -> 1.0", "applied 1"), sorted(heard));
    }

    @Test
    void theConfirmingTransactionReplacesThePredictionWithoutFlicker() {
        replica.applySnapshot(Q1, NODE, List.of(node("a", 1)), 1);
        replica.predict("call-1", List.of(new Replica.Prediction(NODE, "a", node("a", 5))));
        heard.clear();
        replica.applyTransaction(tx(2), List.of(change(Q1, List.of(), List.of(moveTo("a", 5)), List.of())), "call-1");
        assertEquals(List.of(), rowEvents(), "confirmed as predicted: nothing visible changed");
        assertFalse(replica.hasPredictions());

        replica.predict("call-2", List.of(new Replica.Prediction(NODE, "a", node("a", 6))));
        heard.clear();
        replica.applyTransaction(tx(3), List.of(change(Q1, List.of(), List.of(moveTo("a", 7)), List.of())), "call-2");
        assertEquals(List.of("update a x 6.0 -> 7.0"), rowEvents(), "one step from predicted to confirmed");
    }

    @Test
    void theNewestPredictionOfARowShowsUntilItGoes() {
        replica.applySnapshot(Q1, NODE, List.of(node("a", 1)), 1);
        replica.predict("call-1", List.of(new Replica.Prediction(NODE, "a", node("a", 2))));
        replica.predict("call-2", List.of(new Replica.Prediction(NODE, "a", node("a", 3))));
        assertEquals(node("a", 3), replica.find("node", "a"));
        // Another client's commit lands under both predictions: still hidden by them.
        replica.applyTransaction(tx(2), List.of(change(Q1, List.of(), List.of(moveTo("a", 10)), List.of())), null);
        assertEquals(node("a", 3), replica.find("node", "a"));
        replica.applyTransaction(tx(3), List.of(change(Q1, List.of(), List.of(moveTo("a", 2)), List.of())), "call-1");
        assertEquals(node("a", 3), replica.find("node", "a"), "call-2 is still outstanding");
        replica.resolve("call-2");
        assertEquals(node("a", 2), replica.find("node", "a"));
    }

    @Test
    void clearForgetsEverything() {
        replica.applySnapshot(Q1, NODE, List.of(node("a", 1)), 1);
        replica.predict("call-1", List.of(new Replica.Prediction(NODE, "b", node("b", 1))));
        replica.clear();
        assertEquals(Set.of(), visibleIds());
        assertFalse(replica.hasPredictions());
        assertEquals(0, replica.contents().get("node").size());
    }

    /** What listeners heard about rows, leaving out the end-of-batch calls. */
    private List<String> rowEvents() {
        return heard.stream().filter(e -> !e.startsWith("applied")).toList();
    }

    /** Events within one batch in a stable order, batches kept in order. */
    private static List<String> sorted(List<String> events) {
        List<String> out = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        for (String e : events) {
            if (e.startsWith("applied")) {
                batch.sort(null);
                out.addAll(batch);
                out.add(e);
                batch.clear();
            } else {
                batch.add(e);
            }
        }
        out.addAll(batch);
        return out;
    }
}
