package dev.easel.host.canvas;

import static dev.easel.host.canvas.CanvasFixture.ALICE;
import static dev.easel.host.canvas.CanvasFixture.PAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.easel.engine.table.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class TreeReducersTest extends TwoEditorDocumentTest {
    /** The ids of a parent's children on the first page (null: the top level), in drawing order. */
    static List<String> stack(CanvasFixture doc, String parent) {
        return stack(doc, PAGE, parent);
    }

    static List<String> stack(CanvasFixture doc, String page, String parent) {
        List<Row> rows = new ArrayList<>();
        for (Row r : doc.engine.rows(CanvasSchema.NODE)) {
            if (Nodes.page(r).equals(page) && Objects.equals(Nodes.parent(r), parent)) {
                rows.add(r);
            }
        }
        rows.sort(Tree.DRAWING_ORDER);
        return rows.stream().map(Nodes::id).toList();
    }

    @Test
    void reparentKeepsWhereNodesAppear() {
        doc.frame(ALICE, "f", null, 100, 50);
        doc.frame(ALICE, "g", "f", 10, 10);
        doc.rect(ALICE, "r", 130, 70);
        doc.call(ALICE, "reparent", "ids", List.of("r"), "parent", "g");
        assertEquals("g", doc.field("r", "parent"));
        assertEquals(20.0, doc.field("r", "x"));
        assertEquals(10.0, doc.field("r", "y"));
        doc.call(ALICE, "reparent", "ids", List.of("r"));
        assertNull(doc.field("r", "parent"));
        assertEquals(130.0, doc.field("r", "x"));
    }

    @Test
    void reparentToAnotherPageMovesTheWholeSubtree() {
        doc.call(ALICE, "add_page", "id", "p2");
        doc.frame(ALICE, "f", null, 0, 0);
        doc.child(ALICE, "r", "f", 0, 0);
        doc.call(ALICE, "reparent", "ids", List.of("f"), "page", "p2");
        assertEquals("p2", doc.field("f", "page"));
        assertEquals("p2", doc.field("r", "page"));
        assertEquals(List.of("f"), stack(doc, "p2", null));
    }

    @Test
    void reparentKeepsTheOrderOfTheMovedNodes() {
        doc.frame(ALICE, "f", null, 0, 0);
        doc.rect(ALICE, "a", 0, 0);
        doc.rect(ALICE, "b", 0, 0);
        doc.child(ALICE, "inside", "f", 0, 0);
        doc.call(ALICE, "reparent", "ids", List.of("b", "a"), "parent", "f", "to", "first");
        assertEquals(List.of("a", "b", "inside"), stack(doc, "f"));
    }

    @Test
    void reorderRewritesOnlyTheMovedNode() {
        doc.rect(ALICE, "a", 0, 0);
        doc.rect(ALICE, "b", 0, 0);
        doc.rect(ALICE, "c", 0, 0);
        Object aKey = doc.field("a", "z");
        Object cKey = doc.field("c", "z");
        doc.call(ALICE, "reorder", "id", "b", "to", "first");
        assertEquals(List.of("b", "a", "c"), stack(doc, null));
        doc.call(ALICE, "reorder", "id", "b", "after", "a");
        assertEquals(List.of("a", "b", "c"), stack(doc, null));
        doc.call(ALICE, "reorder", "id", "a", "before", "c");
        assertEquals(List.of("b", "a", "c"), stack(doc, null));
        doc.call(ALICE, "reorder", "id", "b", "to", "last");
        assertEquals(List.of("a", "c", "b"), stack(doc, null));
        assertEquals(cKey, doc.field("c", "z"));
        assertEquals(aKey.getClass(), doc.field("a", "z").getClass());
    }

    @Test
    void manyReordersKeepKeysShort() {
        doc.rect(ALICE, "a", 0, 0);
        doc.rect(ALICE, "b", 0, 0);
        for (int i = 0; i < 200; i++) {
            doc.call(ALICE, "reorder", "id", i % 2 == 0 ? "a" : "b", "to", "last");
        }
        assertEquals(List.of("a", "b"), stack(doc, null));
        assertEquals(true, ((String) doc.field("b", "z")).length() <= 4, "appending grows keys logarithmically");
    }

    @Test
    void groupWrapsSiblingsAndTakesTheTopmostPlace() {
        doc.rect(ALICE, "a", 10, 20);
        doc.rect(ALICE, "mid", 0, 0);
        doc.call(ALICE, "create_node", "id", "b", "kind", "rect", "page", PAGE, "x", 30.0, "y", 5.0,
                "w", 10.0, "h", 10.0);
        doc.rect(ALICE, "top", 0, 0);
        doc.call(ALICE, "group", "id", "g", "ids", List.of("b", "a"), "name", "Pair");
        assertEquals(List.of("mid", "g", "top"), stack(doc, null));
        assertEquals(List.of("a", "b"), stack(doc, "g"));
        assertEquals("Pair", doc.field("g", "name"));
        assertEquals(10.0, doc.field("g", "x"));
        assertEquals(5.0, doc.field("g", "y"));
        assertEquals(30.0, doc.field("g", "w"));
        assertEquals(25.0, doc.field("g", "h"));
        assertEquals(0.0, doc.field("a", "x"));
        assertEquals(15.0, doc.field("a", "y"));
        assertEquals(20.0, doc.field("b", "x"));
    }

    @Test
    void ungroupPutsChildrenInTheGroupsPlace() {
        doc.rect(ALICE, "below", 0, 0);
        doc.rect(ALICE, "a", 10, 20);
        doc.rect(ALICE, "b", 30, 5);
        doc.rect(ALICE, "above", 0, 0);
        doc.call(ALICE, "group", "id", "g", "ids", List.of("a", "b"));
        Map<String, Object> r = doc.call(ALICE, "ungroup", "ids", List.of("g"));
        assertEquals(List.of("a", "b"), r.get("ids"));
        assertNull(doc.node("g"));
        assertEquals(List.of("below", "a", "b", "above"), stack(doc, null));
        assertEquals(10.0, doc.field("a", "x"));
        assertEquals(20.0, doc.field("a", "y"));
        assertEquals(30.0, doc.field("b", "x"));
    }

    @Test
    void ungroupingARotatedGroupPassesTheTurnOn() {
        doc.call(ALICE, "create_node", "id", "a", "kind", "rect", "page", PAGE, "x", 0.0, "y", 0.0,
                "w", 10.0, "h", 10.0);
        doc.call(ALICE, "create_node", "id", "b", "kind", "rect", "page", PAGE, "x", 90.0, "y", 0.0,
                "w", 10.0, "h", 10.0);
        doc.call(ALICE, "group", "id", "g", "ids", List.of("a", "b"));
        doc.call(ALICE, "update_node", "id", "g", "patch", Map.of("rotation", 180.0));
        doc.call(ALICE, "ungroup", "ids", List.of("g"));
        assertEquals(90.0, (Double) doc.field("a", "x"), 1e-9, "turned half round the group's centre");
        assertEquals(0.0, (Double) doc.field("b", "x"), 1e-9);
        assertEquals(180.0, doc.field("a", "rotation"));
    }
}
