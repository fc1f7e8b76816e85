package dev.easel.host.canvas;

import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.ReducerContext;

/**
 * {@code lock(ids)} and {@code unlock(ids)}: advisory locks taken by hand. Selecting nodes takes them too
 * (see {@link PresenceReducers}). Returns {locked | unlocked: [ids], locked_by?: {id: holder}}.
 */
final class LockReducers {
    private LockReducers() {
    }

    static void register(CanvasReducers.Registrar r) {
        r.add("lock", LockReducers::lock);
        r.add("unlock", LockReducers::unlock);
    }

    static Object lock(ReducerContext ctx, Args a) {
        return Locks.lock(ctx, Validation.ids(a, "ids")).toResult("locked");
    }

    static Object unlock(ReducerContext ctx, Args a) {
        return Locks.unlock(ctx, Validation.ids(a, "ids")).toResult("unlocked");
    }
}
