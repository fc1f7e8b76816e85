package dev.easel.host.canvas;

import static dev.easel.host.canvas.CanvasFixture.ALICE;
import static dev.easel.host.canvas.CanvasFixture.PAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.easel.engine.table.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageReducersTest extends TwoEditorDocumentTest {
    private List<String> pages() {
        List<Row> rows = new ArrayList<>(doc.engine.rows(CanvasSchema.PAGE));
        rows.sort((p, q) -> Pages.z(p).compareTo(Pages.z(q)));
        return rows.stream().map(Pages::id).toList();
    }

    private Object name(String page) {
        return doc.engine.find(CanvasSchema.PAGE, page).get(Pages.NAME);
    }

    @Test
    void theFirstMemberToArriveFindsAPage() {
        assertEquals(List.of(PAGE), pages());
        assertEquals("Page 1", name(PAGE));
    }

    @Test
    void addRenameAndReorderPages() {
        doc.call(ALICE, "add_page", "id", "p2");
        doc.call(ALICE, "add_page", "id", "p3", "name", "Sketches", "to", "first");
        assertEquals("Page 2", name("p2"));
        assertEquals(List.of("p3", PAGE, "p2"), pages());
        doc.call(ALICE, "rename_page", "id", "p2", "name", "Final");
        assertEquals("Final", name("p2"));
        doc.call(ALICE, "reorder_page", "id", "p3", "after", "p2");
        assertEquals(List.of(PAGE, "p2", "p3"), pages());
        doc.call(ALICE, "reorder_page", "id", "p2", "before", PAGE);
        assertEquals(List.of("p2", PAGE, "p3"), pages());
    }

    @Test
    void deletingAPageDeletesItsNodes() {
        doc.call(ALICE, "add_page", "id", "p2");
        doc.call(ALICE, "create_node", "id", "n", "kind", "rect", "page", "p2");
        doc.rect(ALICE, "stays", 0, 0);
        doc.call(ALICE, "delete_page", "id", "p2");
        assertEquals(List.of(PAGE), pages());
        assertNull(doc.node("n"));
        assertEquals(PAGE, doc.field("stays", "page"));
    }
}
