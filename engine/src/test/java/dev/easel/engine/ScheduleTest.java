package dev.easel.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.ManualClock;
import dev.easel.engine.tx.Reducer;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scheduled reducers run by the engine's clock, as the system, each in its own transaction. */
class ScheduleTest {
    private static final long START = 1_700_000_000_000_000L;
    /** One row per run: which reducer, who called it, at what commit time, with what note. */
    private static final Schema SCHEMA = Schema.builder()
            .table("run", t -> t.column("seq", ColumnType.I64).primaryKey("seq")
                    .column("reducer", ColumnType.STRING)
                    .column("caller", ColumnType.STRING)
                    .column("at", ColumnType.I64)
                    .column("note", ColumnType.STRING, ""))
            .build();

    /** With a manual clock, schedules run only when the test says; with none, on the scheduler thread. */
    private static Engine.Builder engine(ManualClock clock) {
        Reducer log = (ctx, a) -> ctx.table("run").insert((long) ctx.table("run").size(),
                ctx.reducer(), ctx.caller().id(), ctx.timestampMicros(), a.string("note", ""));
        Engine.Builder b = Engine.builder(SCHEMA)
                .reducer("remind", log)
                .reducer("sweep", log)
                .reducer("broken", (ctx, a) -> {
                    log.run(ctx, a);
                    throw new IllegalStateException("broken on purpose");
                });
        return clock == null ? b : b.clock(clock).runScheduler(false);
    }

    private static List<Row> runs(Engine e) {
        return e.rows("run").stream().sorted(Comparator.comparing(r -> (Long) r.get(0))).toList();
    }

    @Test
    void aReducerScheduledAtATimeRunsOnceThen() {
        ManualClock clock = new ManualClock(START);
        try (Engine e = engine(clock).open()) {
            e.scheduleAt("remind", START + 10_000_000, Args.of("note", "tea"));
            assertEquals(0, e.runDueSchedules());
            clock.advance(Duration.ofSeconds(9));
            assertEquals(0, e.runDueSchedules(), "not yet due");
            clock.advance(Duration.ofSeconds(1));
            assertEquals(1, e.runDueSchedules());
            assertEquals(List.of(Row.of(0L, "remind", Identity.SYSTEM.id(), START + 10_000_000, "tea")), runs(e));
            clock.advance(Duration.ofHours(1));
            assertEquals(0, e.runDueSchedules(), "once only");
        }
    }

    @Test
    void anIntervalReducerRunsEveryIntervalWithoutCatchingUpInABurst() {
        ManualClock clock = new ManualClock(START);
        try (Engine e = engine(clock).every("sweep", Duration.ofSeconds(60)).open()) {
            clock.advance(Duration.ofSeconds(59));
            assertEquals(0, e.runDueSchedules());
            clock.advance(Duration.ofSeconds(1));
            assertEquals(1, e.runDueSchedules());
            clock.advance(Duration.ofSeconds(150));
            assertEquals(1, e.runDueSchedules(), "two missed runs make one, not a burst");
            clock.advance(Duration.ofSeconds(59));
            assertEquals(0, e.runDueSchedules(), "the next is an interval after the late run");
            clock.advance(Duration.ofSeconds(1));
            assertEquals(1, e.runDueSchedules());
            assertEquals(List.of(START + 60_000_000L, START + 210_000_000L, START + 270_000_000L),
                    runs(e).stream().map(r -> r.get(3)).toList());
        }
    }

    @Test
    void aFailingScheduledReducerChangesNothingAndStopsNothing() {
        ManualClock clock = new ManualClock(START);
        try (Engine e = engine(clock).open()) {
            e.scheduleAt("broken", START + 1, Args.EMPTY);
            e.scheduleAt("remind", START + 2, Args.EMPTY);
            clock.advance(Duration.ofSeconds(1));
            assertEquals(2, e.runDueSchedules());
            assertEquals(1, e.offset());
            assertEquals(List.of("remind"), runs(e).stream().map(r -> r.get(1)).toList());
        }
    }

    @Test
    void unknownReducersCannotBeScheduled() {
        try (Engine e = engine(new ManualClock(START)).open()) {
            assertEquals("unknown reducer 'nope'",
                    assertThrows(IllegalArgumentException.class, () -> e.scheduleAt("nope", START, Args.EMPTY)).getMessage());
        }
        assertEquals("scheduled reducer nope is not registered", assertThrows(IllegalArgumentException.class,
                () -> engine(new ManualClock(START)).every("nope", Duration.ofSeconds(1)).open()).getMessage());
    }

    @Test
    void theSchedulerThreadRunsIntervalsByItself() {
        try (Engine e = engine(null).every("sweep", Duration.ofMillis(20)).open()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> e.rows("run").size() >= 3);
        }
    }
}
