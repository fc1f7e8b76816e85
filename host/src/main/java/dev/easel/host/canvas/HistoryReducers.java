package dev.easel.host.canvas;

import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.ReducerContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reducers of the per-member undo history: {@code begin_gesture} and {@code end_gesture} bracket the calls
 * that make one undo step (a drag of 200 moves, a multi-node nudge); {@code undo} and {@code redo} walk the
 * caller's own steps, newest first, never anyone else's.
 */
final class HistoryReducers {
    private static final int MAX_GESTURE_ID = 100;

    private HistoryReducers() {
    }

    static void register(CanvasReducers.Registrar r) {
        r.add("begin_gesture", HistoryReducers::begin);
        r.add("end_gesture", HistoryReducers::end);
        r.add("undo", HistoryReducers::undo);
        r.add("redo", HistoryReducers::redo);
    }

    /** begin_gesture(gesture?): opens a step (closing one left open). Returns {gesture}. */
    static Object begin(ReducerContext ctx, Args a) {
        String id = a.has("gesture") ? Validation.text(a, "gesture", MAX_GESTURE_ID) : null;
        return Map.of("gesture", History.begin(ctx, id));
    }

    /** end_gesture(): closes the caller's open step. Returns {gesture (null if none was open), changes}. */
    static Object end(ReducerContext ctx, Args a) {
        Row op = History.end(ctx, ctx.caller().id());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("gesture", op == null ? null : History.gesture(op));
        out.put("changes", op == null ? 0 : History.changes(op).size());
        return out;
    }

    /**
     * undo(): undoes the caller's newest step that is not undone yet, leaving alone fields others changed
     * since. Returns {gesture (null if there was nothing to undo), skipped: [{table, id, field?, reason}]}.
     */
    static Object undo(ReducerContext ctx, Args a) {
        String who = ctx.caller().id();
        History.end(ctx, who);
        Row op = History.newestDone(ctx, who);
        if (op == null) {
            return result(null, List.of());
        }
        List<Map<String, Object>> skipped = Replay.undo(ctx, History.changes(op));
        History.mark(ctx, op, History.UNDONE);
        return result(History.gesture(op), skipped);
    }

    /** redo(): redoes the caller's most recently undone step. Returns what {@link #undo} returns. */
    static Object redo(ReducerContext ctx, Args a) {
        String who = ctx.caller().id();
        History.end(ctx, who);
        Row op = History.lastUndone(ctx, who);
        if (op == null) {
            return result(null, List.of());
        }
        List<Map<String, Object>> skipped = Replay.redo(ctx, History.changes(op));
        History.mark(ctx, op, History.DONE);
        return result(History.gesture(op), skipped);
    }

    private static Map<String, Object> result(String gesture, List<Map<String, Object>> skipped) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("gesture", gesture);
        out.put("skipped", skipped);
        return out;
    }
}
