package dev.easel.host.canvas;

import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.ReducerContext;
import dev.easel.engine.tx.ReducerException;
import dev.easel.engine.tx.TableHandle;
import java.time.Duration;
import java.util.Map;

/**
 * Presence as state, not heartbeats: every call marks its caller active, and a sweep run by the engine's
 * scheduler moves those without activity to idle (60 s) and away (5 min), releasing their locks.
 */
final class Presence {
    static final Duration IDLE_AFTER = Duration.ofSeconds(60);
    static final Duration AWAY_AFTER = Duration.ofMinutes(5);
    /** How often the sweep runs; also how stale last_active may grow while someone keeps working. */
    static final Duration RESOLUTION = Duration.ofSeconds(1);
    static final String ACTIVE = "active";
    static final String IDLE = "idle";
    static final String AWAY = "away";
    static final String SWEEP_REDUCER = "sweep_presence";

    static final TableSchema TABLE = CanvasSchema.SCHEMA.require(CanvasSchema.PRESENCE);
    private static final int STATUS = TABLE.columnIndex("status");
    private static final int LAST_ACTIVE = TABLE.columnIndex("last_active");

    private Presence() {
    }

    static TableHandle table(ReducerContext ctx) {
        return ctx.table(TABLE.id());
    }

    /**
     * Marks the caller active now. last_active is rewritten at most once per {@link #RESOLUTION}, so a
     * 60 Hz drag does not send everyone a presence change with every move.
     */
    static void touch(ReducerContext ctx) {
        TableHandle presence = table(ctx);
        Row row = presence.find(ctx.caller().id());
        if (row == null) {
            return;
        }
        long now = ctx.timestampMicros();
        if (!ACTIVE.equals(row.get(STATUS))) {
            presence.update(ctx.caller().id(), Map.of("status", ACTIVE, "last_active", now));
        } else if (now - (Long) row.get(LAST_ACTIVE) >= micros(RESOLUTION)) {
            presence.set(ctx.caller().id(), LAST_ACTIVE, now);
        }
    }

    /** sweep_presence(): the scheduled pass (system only) that marks members idle or away. */
    static Object sweep(ReducerContext ctx, Args a) {
        if (!Identity.SYSTEM.equals(ctx.caller())) {
            throw new ReducerException(ReducerException.FORBIDDEN, SWEEP_REDUCER + " is run by the host itself");
        }
        TableHandle presence = table(ctx);
        int changed = 0;
        for (Row row : presence.scan()) {
            String who = (String) row.get(TABLE.primaryKey());
            String status = statusAfter(ctx.timestampMicros() - (Long) row.get(LAST_ACTIVE));
            if (!status.equals(row.get(STATUS))) {
                presence.set(who, STATUS, status);
                changed++;
            }
            if (!ACTIVE.equals(status)) {
                Locks.releaseAll(ctx, who);
            }
        }
        return changed;
    }

    static String statusAfter(long quietMicros) {
        if (quietMicros >= micros(AWAY_AFTER)) {
            return AWAY;
        }
        return quietMicros >= micros(IDLE_AFTER) ? IDLE : ACTIVE;
    }

    private static long micros(Duration d) {
        return d.toNanos() / 1_000;
    }
}
