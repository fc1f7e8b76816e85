package dev.easel.host.canvas;

import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.ReducerContext;
import dev.easel.engine.tx.ReducerException;
import dev.easel.engine.tx.TableHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reducers for the document's pages: {@code add_page}, {@code rename_page}, {@code reorder_page} and
 * {@code delete_page}. Pages are part of the undo history like nodes: undoing a page's deletion brings it
 * back with its nodes.
 */
final class PageReducers {
    private PageReducers() {
    }

    static void register(CanvasReducers.Registrar r) {
        r.add("add_page", PageReducers::add);
        r.add("rename_page", PageReducers::rename);
        r.add("reorder_page", PageReducers::reorder);
        r.add("delete_page", PageReducers::delete);
    }

    /** add_page(id, name?, after?|before?|to?): a new page, last unless placed otherwise. Returns {id, z}. */
    static Object add(ReducerContext ctx, Args a) {
        Edit edit = new Edit(ctx);
        TableHandle pages = edit.pages();
        String id = Validation.id(a, "id");
        if (pages.find(id) != null) {
            throw ReducerException.badArgument("page id '" + id + "' is taken");
        }
        String name = a.has("name") ? name(a) : "Page " + (pages.size() + 1);
        String z = Placement.PAGES.keys(a, ordered(pages), 1).get(0);
        edit.insert(pages, Map.of("id", id, "name", name, "z", z));
        return edit.finish(Map.of("id", id, "z", z));
    }

    /** rename_page(id, name). */
    static Object rename(ReducerContext ctx, Args a) {
        Edit edit = new Edit(ctx);
        String id = Pages.id(edit.page(Validation.id(a, "id")));
        edit.set(edit.pages(), id, Pages.NAME, name(a));
        return edit.finish(Map.of("id", id));
    }

    /** reorder_page(id, after|before|to): moves one page in the document's list of pages. */
    static Object reorder(ReducerContext ctx, Args a) {
        Edit edit = new Edit(ctx);
        String id = Pages.id(edit.page(Validation.id(a, "id")));
        if (!Placement.given(a)) {
            throw ReducerException.badArgument("say where the page goes: 'after' or 'before' another page, or "
                    + "'to' first or last");
        }
        List<Row> others = ordered(edit.pages());
        others.removeIf(p -> Pages.id(p).equals(id));
        String z = Placement.PAGES.keys(a, others, 1).get(0);
        edit.set(edit.pages(), id, Pages.Z, z);
        return edit.finish(Map.of("id", id, "z", z));
    }

    /** delete_page(id): removes a page and every node on it; the last page of a document stays. */
    static Object delete(ReducerContext ctx, Args a) {
        Edit edit = new Edit(ctx);
        String id = Pages.id(edit.page(Validation.id(a, "id")));
        if (edit.pages().size() == 1) {
            throw ReducerException.badArgument("page '" + id + "' is the document's only page and cannot be deleted");
        }
        List<Row> onPage = edit.nodes().findBy(CanvasSchema.NODE_BY_PAGE, id);
        for (Row node : onPage) {
            edit.delete(edit.nodes(), Nodes.id(node));
        }
        edit.delete(edit.pages(), id);
        return edit.finish(Map.of("id", id, "nodes", onPage.size()));
    }

    /** The pages in the order the document lists them. */
    static List<Row> ordered(TableHandle pages) {
        List<Row> all = new ArrayList<>(pages.scan());
        all.sort((p, q) -> {
            int c = Pages.z(p).compareTo(Pages.z(q));
            return c != 0 ? c : Pages.id(p).compareTo(Pages.id(q));
        });
        return all;
    }

    private static String name(Args a) {
        String name = Validation.text(a, "name", Validation.MAX_NAME);
        if (name.isBlank()) {
            throw ReducerException.badArgument("a page needs a name");
        }
        return name;
    }
}
