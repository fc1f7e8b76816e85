package dev.easel.host.canvas;

import dev.easel.engine.schema.Values;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.ReducerContext;
import dev.easel.engine.tx.TableHandle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One reducer call's writes to the document (nodes and pages). Every edit goes through here so that it is
 * recorded as (part of) one step of the caller's undo history, and so the call can tell its caller which of
 * the nodes it changed are locked by someone else: locks are advisory, the edit happens anyway.
 */
final class Edit {
    private final ReducerContext ctx;
    private final TableHandle nodes;
    private final TableHandle pages;
    private final ChangeSet changes = new ChangeSet();
    private final Map<String, String> lockedByOthers = new TreeMap<>();

    Edit(ReducerContext ctx) {
        this.ctx = ctx;
        this.nodes = Nodes.table(ctx);
        this.pages = Pages.table(ctx);
    }

    TableHandle nodes() {
        return nodes;
    }

    TableHandle pages() {
        return pages;
    }

    Row node(String id) {
        return Nodes.require(nodes, id);
    }

    Row page(String id) {
        return Pages.require(pages, id);
    }

    Row insert(TableHandle table, Map<String, ?> values) {
        Row row = table.insert(values);
        changes.record(table.schema(), null, row);
        return row;
    }

    /** Sets one column; the fast path of moves. Writing the value a field already has changes nothing. */
    Row set(TableHandle table, String id, int column, Object value) {
        Row old = table.require(id);
        noteLock(table, old);
        if (Values.equal(old.get(column), value)) {
            return old;
        }
        Row row = table.set(id, column, value);
        changes.record(table.schema(), old, row);
        return row;
    }

    Row update(TableHandle table, String id, Map<String, ?> patch) {
        Row old = table.require(id);
        noteLock(table, old);
        Row row = table.update(id, patch);
        changes.record(table.schema(), old, row);
        return row;
    }

    void delete(TableHandle table, String id) {
        Row old = table.require(id);
        noteLock(table, old);
        table.delete(id);
        changes.record(table.schema(), old, null);
    }

    private void noteLock(TableHandle table, Row row) {
        if (table == nodes) {
            String holder = Nodes.lockedBy(row);
            if (holder != null && !holder.equals(ctx.caller().id())) {
                lockedByOthers.put(Nodes.id(row), holder);
            }
        }
    }

    /**
     * Files the call's changes in the caller's undo history and returns the call's result, with
     * {@code locked_by} (node id to holder) added when it edited nodes others hold locked.
     */
    Map<String, Object> finish(Map<String, Object> result) {
        History.record(ctx, changes);
        Map<String, Object> out = new LinkedHashMap<>(result);
        if (!lockedByOthers.isEmpty()) {
            out.put("locked_by", lockedByOthers);
        }
        return out;
    }
}
