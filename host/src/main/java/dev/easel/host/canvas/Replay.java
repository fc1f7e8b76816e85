package dev.easel.host.canvas;

import dev.easel.engine.schema.Column;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.schema.Values;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.ReducerContext;
import dev.easel.engine.tx.TableHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plays an undo step backwards (undo) or forwards again (redo) against the document as it is now. A field
 * is put back only if it still holds the value the step left there: whatever someone changed since is left
 * as they set it and reported as skipped. Rows come back parents first, and a node is only taken away if
 * nothing that others put inside it would go with it.
 */
final class Replay {
    /** One row to bring from the state the step left ({@code expected}) to the state on its other side. */
    private record Move(String table, String id, Map<String, Object> expected, Map<String, Object> target) {
    }

    private final TableHandle nodes;
    private final TableHandle pages;
    private final List<Map<String, Object>> skipped = new ArrayList<>();

    private Replay(ReducerContext ctx) {
        this.nodes = Nodes.table(ctx);
        this.pages = Pages.table(ctx);
    }

    /** Undoes a step; returns what was skipped: {table, id, field (if one field), reason}. */
    static List<Map<String, Object>> undo(ReducerContext ctx, ChangeSet step) {
        return new Replay(ctx).run(step, true);
    }

    /** Redoes an undone step; returns what was skipped, as {@link #undo} does. */
    static List<Map<String, Object>> redo(ReducerContext ctx, ChangeSet step) {
        return new Replay(ctx).run(step, false);
    }

    private List<Map<String, Object>> run(ChangeSet step, boolean backwards) {
        List<Move> restores = new ArrayList<>();
        List<Move> updates = new ArrayList<>();
        List<Move> removals = new ArrayList<>();
        for (ChangeSet.RowEdit e : step.edits()) {
            boolean existsNow = backwards ? e.existsAfter : e.existedBefore;
            boolean shouldExist = backwards ? e.existedBefore : e.existsAfter;
            Move m = new Move(e.table, e.id, backwards ? e.after : e.before, backwards ? e.before : e.after);
            (existsNow && shouldExist ? updates : shouldExist ? restores : removals).add(m);
        }
        restore(restores);
        update(updates);
        remove(removals);
        return skipped;
    }

    private TableHandle table(String name) {
        return name.equals(CanvasSchema.PAGE) ? pages : nodes;
    }

    /** Puts deleted rows back: pages, then nodes whose parent is there (or comes back before them). */
    private void restore(List<Move> moves) {
        Map<String, Move> pendingNodes = new LinkedHashMap<>();
        for (Move m : moves) {
            if (m.table.equals(CanvasSchema.PAGE)) {
                if (pages.find(m.id) != null) {
                    skip(m, null, "exists");
                } else {
                    pages.insert(rowOf(pages.schema(), m));
                }
            } else {
                pendingNodes.put(m.id, m);
            }
        }
        boolean progress = true;
        while (progress && !pendingNodes.isEmpty()) {
            progress = false;
            for (Iterator<Move> it = pendingNodes.values().iterator(); it.hasNext(); ) {
                Move m = it.next();
                String parent = (String) m.target.get("parent");
                if (parent != null && nodes.find(parent) == null && pendingNodes.containsKey(parent)) {
                    continue;
                }
                it.remove();
                progress = true;
                if (nodes.find(m.id) != null) {
                    skip(m, null, "exists");
                } else if (pages.find(m.target.get("page")) == null) {
                    skip(m, null, "page_deleted");
                } else if (parent != null && nodes.find(parent) == null) {
                    skip(m, null, "parent_deleted");
                } else {
                    nodes.insert(rowOf(nodes.schema(), m));
                }
            }
        }
        for (Move m : pendingNodes.values()) {
            skip(m, null, "parent_deleted");
        }
    }

    /** Sets back each field that still holds the value the step left; reports the others. */
    private void update(List<Move> moves) {
        for (Move m : moves) {
            TableHandle t = table(m.table);
            Row current = t.find(m.id);
            if (current == null) {
                skip(m, null, "deleted");
                continue;
            }
            Map<String, Object> patch = new HashMap<>();
            for (Map.Entry<String, Object> f : m.target.entrySet()) {
                Column c = t.schema().column(f.getKey());
                if (c == null) {
                    continue;
                }
                if (Values.equal(current.get(c.position()), m.expected.get(f.getKey()))) {
                    patch.put(f.getKey(), f.getValue());
                } else {
                    skip(m, f.getKey(), "changed");
                }
            }
            if (t == nodes && patch.containsKey("parent")) {
                keepOutOfBrokenParent(m, patch);
            }
            if (!patch.isEmpty()) {
                t.update(m.id, patch);
            }
        }
    }

    /** A node whose old parent is gone (or now lies inside it) stays where it is. */
    private void keepOutOfBrokenParent(Move m, Map<String, Object> patch) {
        String parent = (String) patch.get("parent");
        String reason = null;
        if (parent != null && nodes.find(parent) == null) {
            reason = "parent_deleted";
        } else if (parent != null && Tree.within(nodes, parent, m.id)) {
            reason = "cycle";
        }
        if (reason != null) {
            for (String f : List.of("parent", "page", "x", "y")) {
                if (patch.containsKey(f)) {
                    patch.remove(f);
                    skip(m, f, reason);
                }
            }
        }
    }

    /** Takes away rows the step made: nodes (unless others put something inside them), then empty pages. */
    private void remove(List<Move> moves) {
        Set<String> doomed = new LinkedHashSet<>();
        Map<String, Move> byId = new HashMap<>();
        List<Move> pageMoves = new ArrayList<>();
        for (Move m : moves) {
            if (m.table.equals(CanvasSchema.PAGE)) {
                pageMoves.add(m);
            } else if (nodes.find(m.id) != null) {
                doomed.add(m.id);
                byId.put(m.id, m);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Iterator<String> it = doomed.iterator(); it.hasNext(); ) {
                String id = it.next();
                for (Row child : nodes.findBy(CanvasSchema.NODE_BY_PARENT, id)) {
                    if (!doomed.contains(Nodes.id(child))) {
                        it.remove();
                        skip(byId.get(id), null, "has_children");
                        changed = true;
                        break;
                    }
                }
            }
        }
        for (String id : doomed) {
            nodes.delete(id);
        }
        for (Move m : pageMoves) {
            if (pages.find(m.id) == null) {
                continue;
            }
            if (!nodes.findBy(CanvasSchema.NODE_BY_PAGE, m.id).isEmpty()) {
                skip(m, null, "not_empty");
            } else {
                pages.delete(m.id);
            }
        }
    }

    private static Map<String, Object> rowOf(TableSchema schema, Move m) {
        Map<String, Object> row = new HashMap<>();
        for (Map.Entry<String, Object> f : m.target.entrySet()) {
            if (schema.column(f.getKey()) != null) {
                row.put(f.getKey(), f.getValue());
            }
        }
        row.put(schema.primaryKeyColumn().name(), m.id);
        return row;
    }

    private void skip(Move m, String field, String reason) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("table", m.table);
        s.put("id", m.id);
        if (field != null) {
            s.put("field", field);
        }
        s.put("reason", reason);
        skipped.add(s);
    }
}
