package dev.easel.app.document;

import dev.easel.engine.replica.Replica;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The document's pages in their order (by z key, then id), as last read from the replica, and which of them
 * the window shows. Used on the JavaFX thread only; {@link DocumentModel} reloads it and tells its page
 * listeners.
 */
final class PageList {
    private static final Comparator<PageView> ORDER = Comparator.comparing(PageView::z).thenComparing(PageView::id);

    private final TableSchema table;
    private final int id;
    private final int name;
    private final int z;
    private List<PageView> pages = List.of();
    private String current;

    PageList(TableSchema table) {
        this.table = table;
        this.id = table.columnIndex("id");
        this.name = table.columnIndex("name");
        this.z = table.columnIndex("z");
    }

    TableSchema table() {
        return table;
    }

    List<PageView> all() {
        return pages;
    }

    String current() {
        return current;
    }

    PageView find(String pageId) {
        for (PageView p : pages) {
            if (p.id().equals(pageId)) {
                return p;
            }
        }
        return null;
    }

    /** Shows another page; false when there is no such page or it is shown already. */
    boolean show(String pageId) {
        if (pageId == null || pageId.equals(current) || find(pageId) == null) {
            return false;
        }
        current = pageId;
        return true;
    }

    /**
     * Reads the pages again. When the shown page is gone (deleted here or by someone else), the page that
     * stood before it is shown instead (the first page if it was first). Returns whether anything changed.
     */
    boolean reload(Replica replica) {
        List<PageView> next = new ArrayList<>();
        for (Row r : replica.rows(table.name())) {
            next.add(new PageView((String) r.get(id), (String) r.get(name), (String) r.get(z)));
        }
        next.sort(ORDER);
        List<PageView> before = pages;
        String shown = current;
        pages = List.copyOf(next);
        if (current == null || find(current) == null) {
            current = replacement(before, current);
        }
        return !pages.equals(before) || !java.util.Objects.equals(shown, current);
    }

    private String replacement(List<PageView> before, String gone) {
        if (pages.isEmpty()) {
            return null;
        }
        for (int i = before.size() - 1; i >= 0; i--) {
            if (before.get(i).id().equals(gone)) {
                for (int j = i - 1; j >= 0; j--) {
                    if (find(before.get(j).id()) != null) {
                        return before.get(j).id();
                    }
                }
                break;
            }
        }
        return pages.get(0).id();
    }
}
