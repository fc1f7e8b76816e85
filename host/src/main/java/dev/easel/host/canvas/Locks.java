package dev.easel.host.canvas;

import dev.easel.engine.table.Row;
import dev.easel.engine.tx.ReducerContext;
import dev.easel.engine.tx.TableHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Advisory locks on nodes: {@code locked_by} and {@code locked_at}. They tell others who is editing what;
 * they stop nobody. Taking and releasing them is not an edit and never enters the undo history.
 */
final class Locks {
    private Locks() {
    }

    /** What an attempt to lock or unlock came to: the nodes now held or freed, and those others hold. */
    record Outcome(List<String> changed, Map<String, String> heldByOthers) {
        Map<String, Object> toResult(String changedKey) {
            return heldByOthers.isEmpty() ? Map.of(changedKey, changed)
                    : Map.of(changedKey, changed, "locked_by", heldByOthers);
        }
    }

    /** Locks the nodes for the caller, except those someone else already holds; reports all the caller holds. */
    static Outcome lock(ReducerContext ctx, List<String> ids) {
        TableHandle nodes = Nodes.table(ctx);
        String me = ctx.caller().id();
        List<String> locked = new ArrayList<>();
        Map<String, String> others = new TreeMap<>();
        for (String id : ids) {
            Row node = Nodes.require(nodes, id);
            String holder = Nodes.lockedBy(node);
            if (holder != null && !holder.equals(me)) {
                others.put(id, holder);
                continue;
            }
            if (holder == null) {
                nodes.update(id, Map.of("locked_by", me, "locked_at", ctx.timestampMicros()));
            }
            locked.add(id);
        }
        return new Outcome(locked, others);
    }

    /** Releases the caller's locks on the nodes; others' locks stay and are reported. */
    static Outcome unlock(ReducerContext ctx, List<String> ids) {
        TableHandle nodes = Nodes.table(ctx);
        String me = ctx.caller().id();
        List<String> released = new ArrayList<>();
        Map<String, String> others = new TreeMap<>();
        for (String id : ids) {
            Row node = Nodes.require(nodes, id);
            String holder = Nodes.lockedBy(node);
            if (me.equals(holder)) {
                release(nodes, id);
                released.add(id);
            } else if (holder != null) {
                others.put(id, holder);
            }
        }
        return new Outcome(released, others);
    }

    /** Releases every lock a member holds (they left or went idle); returns how many. */
    static int releaseAll(ReducerContext ctx, String who) {
        TableHandle nodes = Nodes.table(ctx);
        List<Row> held = nodes.findBy(CanvasSchema.NODE_BY_LOCK, who);
        for (Row node : held) {
            release(nodes, Nodes.id(node));
        }
        return held.size();
    }

    /** Releases every lock in the document; only when nobody is present to hold one. */
    static void releaseAll(ReducerContext ctx) {
        TableHandle nodes = Nodes.table(ctx);
        for (Row node : nodes.scan()) {
            if (Nodes.lockedBy(node) != null) {
                release(nodes, Nodes.id(node));
            }
        }
    }

    private static void release(TableHandle nodes, String id) {
        Map<String, Object> free = new HashMap<>();
        free.put("locked_by", null);
        free.put("locked_at", null);
        nodes.update(id, free);
    }
}
