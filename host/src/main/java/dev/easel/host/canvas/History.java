package dev.easel.host.canvas;

import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.ReducerContext;
import dev.easel.engine.tx.TableHandle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each member's undo history in the durable {@code operation} table: one row per step, numbered per member
 * in commit order. A step is a whole gesture (everything between {@code begin_gesture} and
 * {@code end_gesture}, while its row is {@code open}) or a single call made outside one. Undone steps form
 * the redo stack; the first change of a new step clears it, and only the newest {@link #LIMIT} steps are
 * kept. Being a durable table, the history survives a restart of the host.
 */
final class History {
    static final int LIMIT = 500;
    static final String OPEN = "open";
    static final String DONE = "done";
    static final String UNDONE = "undone";

    private static final TableSchema TABLE = CanvasSchema.SCHEMA.require(CanvasSchema.OPERATION);
    private static final int ID = TABLE.columnIndex("id");
    private static final int GESTURE = TABLE.columnIndex("gesture");
    private static final int SEQ = TABLE.columnIndex("seq");
    private static final int STATE = TABLE.columnIndex("state");
    private static final int CHANGES = TABLE.columnIndex("changes");
    private static final Comparator<Row> BY_SEQ = Comparator.comparingLong(History::seq);

    private History() {
    }

    static TableHandle table(ReducerContext ctx) {
        return ctx.table(TABLE.id());
    }

    static long seq(Row op) {
        return (Long) op.get(SEQ);
    }

    static String gesture(Row op) {
        return (String) op.get(GESTURE);
    }

    static ChangeSet changes(Row op) {
        return ChangeCodec.decode((byte[]) op.get(CHANGES));
    }

    /** Adds one call's changes to the caller's open gesture, or files them as a step of their own. */
    static void record(ReducerContext ctx, ChangeSet changes) {
        if (changes.isEmpty()) {
            return;
        }
        TableHandle ops = table(ctx);
        String who = ctx.caller().id();
        Row open = openStep(ops, who);
        if (open == null) {
            long seq = makeRoom(ops, who, null);
            ops.insert(row(who, seq, ctx.reducer(), DONE, null, ctx.timestampMicros(), ChangeCodec.encode(changes)));
            return;
        }
        ChangeSet step = changes(open);
        if (step.isEmpty()) {
            makeRoom(ops, who, open);
        }
        step.mergeAll(changes);
        ops.update((String) open.get(ID), Map.of("changes", ChangeCodec.encode(step), "at", ctx.timestampMicros()));
    }

    /** Opens a gesture for the caller (closing one left open) and returns its id. */
    static String begin(ReducerContext ctx, String gestureId) {
        TableHandle ops = table(ctx);
        String who = ctx.caller().id();
        close(ops, openStep(ops, who));
        long seq = nextSeq(ops.findBy(CanvasSchema.OPERATION_BY_IDENTITY, who));
        String gesture = gestureId != null ? gestureId : "g" + seq;
        ops.insert(row(who, seq, gesture, OPEN, who, ctx.timestampMicros(), ChangeCodec.EMPTY));
        return gesture;
    }

    /** Closes the member's open gesture, if any, and returns its row as it was (null if none was open). */
    static Row end(ReducerContext ctx, String who) {
        TableHandle ops = table(ctx);
        Row open = openStep(ops, who);
        close(ops, open);
        return open;
    }

    /** Closes every member's open gesture. */
    static void closeAll(ReducerContext ctx) {
        TableHandle ops = table(ctx);
        for (Row op : ops.scan()) {
            if (OPEN.equals(op.get(STATE))) {
                close(ops, op);
            }
        }
    }

    /** The member's newest step that is done, or null. */
    static Row newestDone(ReducerContext ctx, String who) {
        return mine(table(ctx), who, DONE).stream().max(BY_SEQ).orElse(null);
    }

    /** The member's most recently undone step (the top of the redo stack), or null. */
    static Row lastUndone(ReducerContext ctx, String who) {
        return mine(table(ctx), who, UNDONE).stream().min(BY_SEQ).orElse(null);
    }

    static void mark(ReducerContext ctx, Row op, String state) {
        table(ctx).set((String) op.get(ID), STATE, state);
    }

    private static Row openStep(TableHandle ops, String who) {
        List<Row> open = ops.findBy(CanvasSchema.OPERATION_OPEN, who);
        return open.isEmpty() ? null : open.get(0);
    }

    /** A gesture in which nothing changed leaves no step behind. */
    private static void close(TableHandle ops, Row open) {
        if (open == null) {
            return;
        }
        String id = (String) open.get(ID);
        if (changes(open).isEmpty()) {
            ops.delete(id);
        } else {
            Map<String, Object> closed = new HashMap<>();
            closed.put("state", DONE);
            closed.put("open_by", null);
            ops.update(id, closed);
        }
    }

    /**
     * Before a new step's first change: drops the member's redo stack and their oldest steps beyond the
     * limit, leaving room for the new one. Returns the sequence number a new step takes.
     */
    private static long makeRoom(TableHandle ops, String who, Row newStep) {
        List<Row> all = ops.findBy(CanvasSchema.OPERATION_BY_IDENTITY, who);
        long next = nextSeq(all);
        List<Row> kept = new ArrayList<>(all.size());
        for (Row op : all) {
            if (newStep != null && op.get(ID).equals(newStep.get(ID))) {
                continue;
            }
            if (UNDONE.equals(op.get(STATE))) {
                ops.delete((String) op.get(ID));
            } else {
                kept.add(op);
            }
        }
        kept.sort(BY_SEQ);
        for (int i = 0; i < kept.size() - (LIMIT - 1); i++) {
            ops.delete((String) kept.get(i).get(ID));
        }
        return next;
    }

    private static long nextSeq(List<Row> ops) {
        long max = 0;
        for (Row op : ops) {
            max = Math.max(max, seq(op));
        }
        return max + 1;
    }

    private static List<Row> mine(TableHandle ops, String who, String state) {
        List<Row> out = new ArrayList<>();
        for (Row op : ops.findBy(CanvasSchema.OPERATION_BY_IDENTITY, who)) {
            if (state.equals(op.get(STATE))) {
                out.add(op);
            }
        }
        return out;
    }

    private static Map<String, Object> row(String who, long seq, String gesture, String state, String openBy,
            long at, byte[] changes) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", who + "/" + seq);
        r.put("identity", who);
        r.put("gesture", gesture);
        r.put("seq", seq);
        r.put("state", state);
        r.put("open_by", openBy);
        r.put("at", at);
        r.put("changes", changes);
        return r;
    }
}
