package dev.easel.host.canvas;

import static dev.easel.host.canvas.CanvasFixture.ALICE;
import static dev.easel.host.canvas.CanvasFixture.BOB;
import static dev.easel.host.canvas.CanvasFixture.PAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Identity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UndoRedoTest extends TwoEditorDocumentTest {
    private Map<String, Object> undo(Identity who) {
        return doc.call(who, "undo");
    }

    private Map<String, Object> redo(Identity who) {
        return doc.call(who, "redo");
    }

    private void move(Identity who, String id, double x, double y) {
        doc.call(who, "move_nodes", "moves", List.of(Map.of("id", id, "x", x, "y", y)));
    }

    @Test
    void eachUserUndoesOnlyTheirOwnSteps() {
        doc.rect(ALICE, "a", 0, 0);
        doc.rect(BOB, "b", 0, 0);
        undo(ALICE);
        assertNull(doc.node("a"));
        assertNotNull(doc.node("b"));
        undo(BOB);
        assertNull(doc.node("b"));
        assertNull(undo(ALICE).get("gesture"), "nothing left to undo");
    }

    @Test
    void aGestureIsOneStep() {
        doc.rect(ALICE, "a", 0, 0);
        doc.call(ALICE, "begin_gesture", "gesture", "drag-1");
        for (int i = 1; i <= 200; i++) {
            move(ALICE, "a", i, i / 2.0);
        }
        Map<String, Object> ended = doc.call(ALICE, "end_gesture");
        assertEquals("drag-1", ended.get("gesture"));
        assertEquals(1, ended.get("changes"));
        assertEquals("drag-1", undo(ALICE).get("gesture"));
        assertEquals(0.0, doc.field("a", "x"));
        assertEquals(0.0, doc.field("a", "y"));
        redo(ALICE);
        assertEquals(200.0, doc.field("a", "x"));
        assertEquals(100.0, doc.field("a", "y"));
    }

    @Test
    void aCallOutsideAGestureIsAStepOfItsOwn() {
        doc.rect(ALICE, "a", 0, 0);
        move(ALICE, "a", 1, 1);
        move(ALICE, "a", 2, 2);
        assertEquals("move_nodes", undo(ALICE).get("gesture"));
        assertEquals(1.0, doc.field("a", "x"));
    }

    @Test
    void fieldsOthersChangedSinceAreLeftAndReported() {
        doc.rect(ALICE, "a", 0, 0);
        doc.call(ALICE, "begin_gesture");
        move(ALICE, "a", 10, 20);
        doc.call(ALICE, "update_node", "id", "a", "patch", Map.of("fill", "#123456"));
        doc.call(ALICE, "end_gesture");
        move(BOB, "a", 99, 20);
        Map<String, Object> r = undo(ALICE);
        assertEquals(99.0, doc.field("a", "x"), "Bob's x stays");
        assertEquals(0.0, doc.field("a", "y"), "the rest of Alice's gesture is undone");
        assertEquals("#d9d9d9", doc.field("a", "fill"));
        assertEquals(List.of(Map.of("table", "node", "id", "a", "field", "x", "reason", "changed")), r.get("skipped"));
        Map<String, Object> again = redo(ALICE);
        assertEquals(99.0, doc.field("a", "x"), "redo leaves Bob's x too");
        assertEquals(20.0, doc.field("a", "y"));
        assertEquals("#123456", doc.field("a", "fill"));
        assertEquals(1, ((List<?>) again.get("skipped")).size());
    }

    @Test
    void undoOfDeleteRestoresTheNodeWithItsChildrenAndRedoDeletesAgain() {
        doc.frame(ALICE, "f", null, 5, 5);
        doc.frame(ALICE, "g", "f", 1, 1);
        doc.child(ALICE, "r", "g", 2, 2);
        doc.call(ALICE, "update_node", "id", "r", "patch", Map.of("name", "Kept", "fill", "#abc"));
        Map<String, List<Row>> before = doc.document();
        doc.call(ALICE, "delete_nodes", "ids", List.of("f"));
        assertNull(doc.node("r"));
        Map<String, Object> r = undo(ALICE);
        assertEquals(List.of(), r.get("skipped"));
        assertEquals(before, doc.document(), "same ids, same properties, same children");
        redo(ALICE);
        assertNull(doc.node("f"));
        assertNull(doc.node("g"));
    }

    @Test
    void undoOfCreateDeletesAndRedoBringsItBack() {
        doc.frame(ALICE, "f", null, 5, 5);
        Row created = doc.node("f");
        undo(ALICE);
        assertNull(doc.node("f"));
        redo(ALICE);
        assertEquals(created, doc.node("f"));
    }

    @Test
    void undoOfCreateKeepsANodeOthersPutThingsIn() {
        doc.frame(ALICE, "f", null, 0, 0);
        doc.child(BOB, "bobs", "f", 0, 0);
        Map<String, Object> r = undo(ALICE);
        assertNotNull(doc.node("f"));
        assertNotNull(doc.node("bobs"));
        assertEquals(List.of(Map.of("table", "node", "id", "f", "reason", "has_children")), r.get("skipped"));
    }

    @Test
    void undoOfDeleteSkipsANodeWhoseParentIsGone() {
        doc.frame(BOB, "f", null, 0, 0);
        doc.child(BOB, "c", "f", 0, 0);
        doc.call(ALICE, "delete_nodes", "ids", List.of("c"));
        doc.call(BOB, "delete_nodes", "ids", List.of("f"));
        Map<String, Object> r = undo(ALICE);
        assertNull(doc.node("c"));
        assertEquals(List.of(Map.of("table", "node", "id", "c", "reason", "parent_deleted")), r.get("skipped"));
    }

    @Test
    void aNewStepClearsTheRedoStack() {
        doc.rect(ALICE, "a", 0, 0);
        move(ALICE, "a", 5, 5);
        undo(ALICE);
        move(ALICE, "a", 7, 7);
        assertNull(redo(ALICE).get("gesture"));
        assertEquals(7.0, doc.field("a", "x"));
    }

    @Test
    void anotherUsersStepDoesNotClearMyRedoStack() {
        doc.rect(ALICE, "a", 0, 0);
        move(ALICE, "a", 5, 5);
        undo(ALICE);
        doc.rect(BOB, "b", 0, 0);
        assertEquals("move_nodes", redo(ALICE).get("gesture"));
        assertEquals(5.0, doc.field("a", "x"));
    }

    @Test
    void anEmptyGestureLeavesNoStepAndLocksAreNoEdits() {
        doc.rect(ALICE, "a", 0, 0);
        doc.call(ALICE, "begin_gesture");
        doc.call(ALICE, "lock", "ids", List.of("a"));
        doc.call(ALICE, "set_selection", "ids", List.of("a"));
        assertEquals(0, doc.call(ALICE, "end_gesture").get("changes"));
        assertEquals("create_node", undo(ALICE).get("gesture"));
    }

    @Test
    void undoClosesAGestureLeftOpen() {
        doc.rect(ALICE, "a", 0, 0);
        doc.call(ALICE, "begin_gesture", "gesture", "open");
        move(ALICE, "a", 3, 3);
        assertEquals("open", undo(ALICE).get("gesture"));
        assertEquals(0.0, doc.field("a", "x"));
        move(ALICE, "a", 4, 4);
        assertEquals("move_nodes", undo(ALICE).get("gesture"), "later calls are steps of their own again");
    }

    @Test
    void undoOfPageDeletionBringsThePageAndItsNodesBack() {
        doc.call(ALICE, "add_page", "id", "p2");
        doc.call(ALICE, "create_node", "id", "n", "kind", "frame", "page", "p2");
        doc.call(ALICE, "create_node", "id", "m", "kind", "rect", "page", "p2", "parent", "n");
        Map<String, List<Row>> before = doc.document();
        doc.call(ALICE, "delete_page", "id", "p2");
        undo(ALICE);
        assertEquals(before, doc.document());
    }

    @Test
    void undoingNThenRedoingNReturnsTheSameStates() {
        List<Runnable> gestures = List.of(
                () -> doc.frame(ALICE, "f", null, 0, 0),
                () -> doc.child(ALICE, "a", "f", 1, 1),
                () -> doc.rect(ALICE, "b", 50, 50),
                () -> {
                    doc.call(ALICE, "begin_gesture");
                    move(ALICE, "b", 60, 60);
                    move(ALICE, "b", 70, 65);
                    doc.call(ALICE, "resize_nodes", "sizes", List.of(Map.of("id", "b", "w", 30.0, "h", 40.0)));
                    doc.call(ALICE, "end_gesture");
                },
                () -> doc.call(ALICE, "reparent", "ids", List.of("b"), "parent", "f"),
                () -> doc.call(ALICE, "reorder", "id", "b", "to", "first"),
                () -> doc.call(ALICE, "group", "id", "grp", "ids", List.of("a", "b")),
                () -> doc.call(ALICE, "duplicate", "ids", List.of("grp"), "new_ids", List.of("copy"), "dx", 5.0),
                () -> doc.call(ALICE, "ungroup", "ids", List.of("grp")),
                () -> doc.call(ALICE, "update_node", "id", "f", "patch", Map.of("name", "Main", "opacity", 0.25)),
                () -> doc.call(ALICE, "add_page", "id", "p2", "name", "Two"),
                () -> doc.call(ALICE, "reparent", "ids", List.of("copy"), "page", "p2"),
                () -> doc.call(ALICE, "rename_page", "id", "p2", "name", "Second"),
                () -> doc.call(ALICE, "delete_nodes", "ids", List.of("f")),
                () -> doc.call(ALICE, "delete_page", "id", "p2"));
        List<Map<String, List<Row>>> states = new ArrayList<>();
        states.add(doc.document());
        for (Runnable g : gestures) {
            g.run();
            states.add(doc.document());
        }
        int n = gestures.size();
        for (int k = n - 1; k >= 0; k--) {
            Map<String, Object> r = undo(ALICE);
            assertEquals(List.of(), r.get("skipped"));
            assertEquals(states.get(k), doc.document(), "after undoing back to state " + k);
        }
        for (int k = 1; k <= n; k++) {
            Map<String, Object> r = redo(ALICE);
            assertEquals(List.of(), r.get("skipped"));
            assertEquals(states.get(k), doc.document(), "after redoing up to state " + k);
        }
    }
}
