package dev.easel.host.canvas;

import static dev.easel.host.canvas.CanvasFixture.ALICE;
import static dev.easel.host.canvas.CanvasFixture.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.easel.engine.table.Row;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryPersistenceTest extends TwoEditorDocumentTest {
    private void move(String id, double x) {
        doc.call(ALICE, "move_nodes", "moves", List.of(Map.of("id", id, "x", x, "y", 0.0)));
    }

    private long steps(String who) {
        return doc.engine.rows(CanvasSchema.OPERATION).stream()
                .filter(r -> r.get(r.size() - 1) != null && who.equals(r.get(1))).count();
    }

    @Test
    void historyAndRedoStackSurviveARestart() {
        doc.rect(ALICE, "a", 0, 0);
        move("a", 1);
        move("a", 2);
        doc.call(ALICE, "undo");
        Map<String, List<Row>> state = doc.document();
        doc.reopen();
        doc.connect(ALICE, "editor");
        assertEquals(state, doc.document());
        doc.call(ALICE, "redo");
        assertEquals(2.0, doc.field("a", "x"));
        doc.call(ALICE, "undo");
        doc.call(ALICE, "undo");
        assertEquals(0.0, doc.field("a", "x"));
        doc.call(ALICE, "undo");
        assertNull(doc.node("a"));
    }

    @Test
    void aGestureLeftOpenByACrashBecomesOneStepWhenItsOwnerReturns() {
        doc.rect(ALICE, "a", 0, 0);
        doc.call(ALICE, "begin_gesture", "gesture", "drag");
        move("a", 5);
        move("a", 6);
        doc.reopen();
        doc.connect(ALICE, "editor");
        move("a", 7);
        assertEquals("move_nodes", doc.call(ALICE, "undo").get("gesture"));
        assertEquals("drag", doc.call(ALICE, "undo").get("gesture"));
        assertEquals(0.0, doc.field("a", "x"));
    }

    @Test
    void onlyTheNewestStepsAreKeptPerUser() {
        doc.rect(ALICE, "a", 0, 0);
        doc.rect(BOB, "b", 0, 0);
        int moves = History.LIMIT + 20;
        for (int i = 1; i <= moves; i++) {
            move("a", i);
        }
        assertEquals(History.LIMIT, steps(ALICE.id()));
        assertEquals(1, steps(BOB.id()), "another member's history is their own");
        doc.reopen();
        for (int i = 0; i < History.LIMIT; i++) {
            doc.call(ALICE, "undo");
        }
        assertEquals((double) (moves - History.LIMIT), doc.field("a", "x"));
        assertNull(doc.call(ALICE, "undo").get("gesture"));
        assertEquals(History.LIMIT, steps(ALICE.id()), "undone steps stay for redo");
    }
}
