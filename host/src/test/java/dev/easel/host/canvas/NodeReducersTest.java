package dev.easel.host.canvas;

import static dev.easel.host.canvas.CanvasFixture.ALICE;
import static dev.easel.host.canvas.CanvasFixture.BOB;
import static dev.easel.host.canvas.CanvasFixture.PAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeReducersTest extends TwoEditorDocumentTest {
    @Test
    void createTakesKindDefaultsAndGivenFields() {
        Map<String, Object> r = doc.call(ALICE, "create_node", "id", "t1", "kind", "text", "page", PAGE,
                "x", 5.0, "y", 6.0, "text", "hello", "font_size", 24.0, "fill", "#F00", "align", "center");
        assertEquals("t1", r.get("id"));
        assertEquals("text", doc.field("t1", "kind"));
        assertEquals("hello", doc.field("t1", "text"));
        assertEquals(24.0, doc.field("t1", "font_size"));
        assertEquals("#ff0000", doc.field("t1", "fill"));
        assertEquals("center", doc.field("t1", "align"));
        assertEquals("Text", doc.field("t1", "name"));
        assertEquals(PAGE, doc.field("t1", "page"));
        assertNull(doc.field("t1", "parent"));
        assertEquals(r.get("z"), doc.field("t1", "z"));
    }

    @Test
    void newNodesGoOnTopOfTheirSiblingsUnlessPlaced() {
        doc.rect(ALICE, "a", 0, 0);
        doc.rect(ALICE, "b", 0, 0);
        doc.call(ALICE, "create_node", "id", "c", "kind", "ellipse", "page", PAGE, "to", "first");
        doc.call(ALICE, "create_node", "id", "d", "kind", "ellipse", "page", PAGE, "after", "a");
        assertEquals(List.of("c", "a", "d", "b"), TreeReducersTest.stack(doc, null));
    }

    @Test
    void createInsideAFrame() {
        doc.frame(ALICE, "f", null, 0, 0);
        doc.child(ALICE, "r", "f", 1, 2);
        assertEquals("f", doc.field("r", "parent"));
    }

    @Test
    void updatePatchesNamedFields() {
        doc.rect(ALICE, "a", 0, 0);
        doc.call(ALICE, "update_node", "id", "a", "patch", Map.of("name", "Box", "opacity", 0.5,
                "rotation", 370.0, "visible", false, "stroke", "#00ff0080", "corner_radius", 4.0,
                "locked", true));
        assertEquals("Box", doc.field("a", "name"));
        assertEquals(0.5, doc.field("a", "opacity"));
        assertEquals(10.0, doc.field("a", "rotation"));
        assertEquals(false, doc.field("a", "visible"));
        assertEquals("#00ff0080", doc.field("a", "stroke"));
        assertEquals(4.0, doc.field("a", "corner_radius"));
        assertEquals(true, doc.field("a", "locked"), "a layer lock is a document field");
        assertEquals(null, doc.field("a", "locked_by"), "and not the advisory editing lock");
    }

    @Test
    void moveAndResizeManyNodesAtOnce() {
        doc.rect(ALICE, "a", 0, 0);
        doc.rect(ALICE, "b", 0, 0);
        long before = doc.engine.offset();
        doc.call(ALICE, "move_nodes", "moves", List.of(Map.of("id", "a", "x", 1.0, "y", 2.0),
                Map.of("id", "b", "x", -3.5, "y", 4.0)));
        assertEquals(before + 1, doc.engine.offset(), "one call, one transaction");
        assertEquals(1.0, doc.field("a", "x"));
        assertEquals(-3.5, doc.field("b", "x"));
        doc.call(ALICE, "resize_nodes", "sizes", List.of(Map.of("id", "a", "w", 50.0, "h", 60.0),
                Map.of("id", "b", "w", 0.0, "h", 1.0, "x", 9.0, "y", 8.0)));
        assertEquals(50.0, doc.field("a", "w"));
        assertEquals(60.0, doc.field("a", "h"));
        assertEquals(1.0, doc.field("a", "x"));
        assertEquals(9.0, doc.field("b", "x"));
        assertEquals(0.0, doc.field("b", "w"));
    }

    @Test
    void setTextChangesATextNode() {
        doc.call(ALICE, "create_node", "id", "t", "kind", "text", "page", PAGE);
        doc.call(ALICE, "set_text", "id", "t", "text", "x".repeat(Validation.MAX_TEXT));
        assertEquals(Validation.MAX_TEXT, ((String) doc.field("t", "text")).length());
    }

    @Test
    void deleteTakesDescendantsWithIt() {
        doc.frame(ALICE, "f", null, 0, 0);
        doc.frame(ALICE, "g", "f", 0, 0);
        doc.child(ALICE, "r", "g", 0, 0);
        doc.rect(ALICE, "other", 0, 0);
        Map<String, Object> r = doc.call(ALICE, "delete_nodes", "ids", List.of("f"));
        assertEquals(List.of("f", "g", "r"), r.get("deleted"));
        assertNull(doc.node("f"));
        assertNull(doc.node("r"));
        assertNotNull(doc.node("other"));
    }

    @Test
    void duplicateCopiesSubtreesWithPredictableIds() {
        doc.frame(ALICE, "f", null, 10, 10);
        doc.child(ALICE, "r1", "f", 1, 1);
        doc.child(ALICE, "r2", "f", 2, 2);
        doc.rect(ALICE, "top", 0, 0);
        Map<String, Object> r = doc.call(ALICE, "duplicate", "ids", List.of("f", "r1"), "new_ids",
                List.of("f2", "unused"), "dx", 5.0, "dy", 0.0);
        assertEquals(Map.of("f", "f2", "r1", "f2.1", "r2", "f2.2"), r.get("ids"));
        assertEquals(15.0, doc.field("f2", "x"));
        assertEquals(1.0, doc.field("f2.1", "x"), "children keep their place inside the copy");
        assertEquals("f2", doc.field("f2.2", "parent"));
        assertNull(doc.node("unused"), "a node inside another listed one is copied once");
        assertEquals(List.of("f", "f2", "top"), TreeReducersTest.stack(doc, null), "the copy sits just above");
    }

    @Test
    void editingANodeSomeoneElseLockedWorksAndSaysWhoHoldsIt() {
        doc.rect(ALICE, "a", 0, 0);
        doc.call(BOB, "lock", "ids", List.of("a"));
        Map<String, Object> r = doc.call(ALICE, "move_nodes", "moves", List.of(Map.of("id", "a", "x", 7.0, "y", 7.0)));
        assertEquals(7.0, doc.field("a", "x"));
        assertEquals(Map.of("a", BOB.id()), r.get("locked_by"));
        Map<String, Object> own = doc.call(BOB, "move_nodes", "moves", List.of(Map.of("id", "a", "x", 8.0, "y", 7.0)));
        assertFalse(own.containsKey("locked_by"), "your own lock is no news");
        assertTrue(doc.field("a", "locked_by").equals(BOB.id()));
    }
}
