package dev.easel.host.canvas;

import dev.easel.engine.Engine;
import dev.easel.engine.tx.Reducer;

/**
 * Registers every canvas reducer on an engine builder, each wrapped so that any call marks its caller
 * active (presence is state, not heartbeats), plus the lifecycle hooks and the presence sweep.
 */
final class CanvasReducers {
    /** How a reducer family hands its reducers over. */
    @FunctionalInterface
    interface Registrar {
        void add(String name, Reducer reducer);
    }

    private CanvasReducers() {
    }

    static Engine.Builder register(Engine.Builder builder) {
        Registrar r = (name, reducer) -> builder.reducer(name, (ctx, args) -> {
            Presence.touch(ctx);
            return reducer.run(ctx, args);
        });
        NodeReducers.register(r);
        TreeReducers.register(r);
        PageReducers.register(r);
        HistoryReducers.register(r);
        LockReducers.register(r);
        PresenceReducers.register(r);
        ImageStore.register(r);
        return builder
                .onConnect(Lifecycle::connect)
                .onDisconnect(Lifecycle::disconnect)
                .reducer(Presence.SWEEP_REDUCER, Presence::sweep)
                .every(Presence.SWEEP_REDUCER, Presence.RESOLUTION);
    }
}
