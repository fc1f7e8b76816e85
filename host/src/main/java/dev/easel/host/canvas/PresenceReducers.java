package dev.easel.host.canvas;

import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.ReducerContext;
import dev.easel.engine.tx.ReducerException;
import dev.easel.engine.tx.TableHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each member is and what they point at: {@code set_cursor} and {@code set_selection} (the transient
 * {@code cursor} table) and {@code set_view} (page, frame, zoom and viewport on their {@code presence} row,
 * which is what another member follows: {@link Canvas#followQuery}). None of these is an edit; none enters
 * the undo history.
 */
final class PresenceReducers {
    /** The most nodes one selection may hold (the selection is one comma-separated string). */
    static final int MAX_SELECTION = 10_000;
    private static final int SELECTION = CanvasSchema.SCHEMA.require(CanvasSchema.CURSOR).columnIndex("selection");

    private PresenceReducers() {
    }

    static void register(CanvasReducers.Registrar r) {
        r.add("set_cursor", PresenceReducers::setCursor);
        r.add("set_selection", PresenceReducers::setSelection);
        r.add("set_view", PresenceReducers::setView);
    }

    /** set_cursor(x, y, page?, frame?): the pointer, in page coordinates; frame null clears it. */
    static Object setCursor(ReducerContext ctx, Args a) {
        Map<String, Object> patch = new HashMap<>();
        patch.put("x", Validation.coordinate(a, "x"));
        patch.put("y", Validation.coordinate(a, "y"));
        where(ctx, a, patch);
        writeCursor(ctx, patch);
        return null;
    }

    /**
     * set_selection(ids): what the caller has selected (possibly nothing). For an editor, selecting locks the
     * nodes and deselecting releases them. Returns {locked: [ids], locked_by?: {id: holder}}.
     */
    static Object setSelection(ReducerContext ctx, Args a) {
        List<String> ids = Validation.idList(a, "ids");
        if (ids.size() > MAX_SELECTION) {
            throw ReducerException.badArgument("a selection holds at most " + MAX_SELECTION + " nodes, got "
                    + ids.size());
        }
        TableHandle nodes = Nodes.table(ctx);
        for (String id : ids) {
            Nodes.require(nodes, id);
        }
        Row cursor = ctx.table(CanvasSchema.CURSOR).find(ctx.caller().id());
        List<String> before = cursor == null ? List.of() : split((String) cursor.get(SELECTION));
        writeCursor(ctx, Map.of("selection", String.join(",", ids)));
        if (!Lifecycle.mayEdit(ctx)) {
            return Map.of("locked", List.of());
        }
        Set<String> selected = new HashSet<>(ids);
        List<String> deselected = new ArrayList<>();
        for (String id : before) {
            if (!selected.contains(id) && nodes.find(id) != null) {
                deselected.add(id);
            }
        }
        Locks.unlock(ctx, deselected);
        return Locks.lock(ctx, ids).toResult("locked");
    }

    /** set_view(page?, frame?, zoom?, x?, y?, w?, h?): what the caller looks at; frame null clears it. */
    static Object setView(ReducerContext ctx, Args a) {
        TableHandle presence = Presence.table(ctx);
        if (presence.find(ctx.caller().id()) == null) {
            throw ReducerException.notFound("you are not present in this document (connect first)");
        }
        Map<String, Object> patch = new HashMap<>();
        where(ctx, a, patch);
        if (a.has("zoom")) {
            patch.put("zoom", Validation.range(a, "zoom", 0.001, 1_000));
        }
        for (String k : List.of("x", "y")) {
            if (a.has(k)) {
                patch.put("view_" + k, Validation.coordinate(a, k));
            }
        }
        for (String k : List.of("w", "h")) {
            if (a.has(k)) {
                patch.put("view_" + k, Validation.size(a, k));
            }
        }
        if (!patch.isEmpty()) {
            presence.update(ctx.caller().id(), patch);
        }
        return null;
    }

    /** Reads the optional page and frame arguments; an explicit null frame means "no frame". */
    private static void where(ReducerContext ctx, Args a, Map<String, Object> patch) {
        if (a.has("page")) {
            patch.put("page", Pages.id(Pages.require(Pages.table(ctx), a.string("page"))));
        }
        if (a.has("frame")) {
            Row frame = Nodes.require(Nodes.table(ctx), a.string("frame"));
            if (Nodes.kind(frame) != NodeKind.FRAME) {
                throw ReducerException.badArgument("'" + Nodes.id(frame) + "' is a " + Nodes.kind(frame).label()
                        + ", not a frame");
            }
            patch.put("frame", Nodes.id(frame));
        } else if (a.asMap().containsKey("frame")) {
            patch.put("frame", null);
        }
    }

    private static void writeCursor(ReducerContext ctx, Map<String, Object> patch) {
        TableHandle cursors = ctx.table(CanvasSchema.CURSOR);
        String who = ctx.caller().id();
        if (cursors.find(who) == null) {
            Map<String, Object> row = new LinkedHashMap<>(patch);
            row.put("identity", who);
            cursors.insert(row);
        } else {
            cursors.update(who, patch);
        }
    }

    static List<String> split(String selection) {
        return selection.isEmpty() ? List.of() : Arrays.asList(selection.split(","));
    }
}
