package dev.easel.host.session;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pacer's ticks, driven by hand: each group waits for its own wave, once per period. */
class FramePacerTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    /** A pacer whose own timer never fires during a test (a period of an hour); releases run on the caller. */
    private FramePacer pacer(AtomicLong offset) {
        return new FramePacer(timer, Runnable::run, 2, TimeUnit.HOURS.toNanos(1), offset::get);
    }

    @Test
    void connectionsAreDealtIntoEveryGroupInTurn() {
        FramePacer pacer = pacer(new AtomicLong());
        List<Integer> groups = new ArrayList<>();
        for (int i = 0; i < 2 * FramePacer.PHASES; i++) {
            groups.add(pacer.assignGroup());
        }
        for (int i = 0; i < groups.size(); i++) {
            assertEquals(i % FramePacer.PHASES, groups.get(i));
        }
    }

    @Test
    void eachGroupIsReleasedAtItsOwnTickWithTheOffsetThen() {
        AtomicLong offset = new AtomicLong(100);
        FramePacer pacer = pacer(offset);
        long[] releasedAt = new long[FramePacer.PHASES];
        long[] cuts = new long[FramePacer.PHASES];
        int[] tickNumber = {0};
        for (int g = 0; g < FramePacer.PHASES; g++) {
            int group = g;
            pacer.awaitTick(group, cut -> {
                releasedAt[group] = tickNumber[0];
                cuts[group] = cut;
            });
        }
        for (int t = 1; t <= FramePacer.PHASES; t++) {
            tickNumber[0] = t;
            offset.incrementAndGet();
            pacer.tick();
        }
        for (int g = 0; g < FramePacer.PHASES; g++) {
            assertEquals(g + 1, releasedAt[g], "group " + g + " waits for its own wave");
            assertEquals(100 + g + 1, cuts[g], "group " + g + " sends up to the offset at its tick");
        }
    }

    /**
     * The cut is the offset when the wave's first connection starts sending, not when the timer fired: commits
     * queued while the send threads were busy go out in this wave. Every connection of the wave gets the same cut,
     * so they can share the conversion of the same run.
     */
    @Test
    void aWavesCutIsTakenWhenItsFirstConnectionSendsAndSharedByTheWave() {
        AtomicLong offset = new AtomicLong(100);
        List<Runnable> sendQueue = new ArrayList<>();
        FramePacer pacer = new FramePacer(timer, sendQueue::add, 2, TimeUnit.HOURS.toNanos(1), offset::get);
        List<Long> cuts = new ArrayList<>();
        int group = pacer.assignGroup();
        for (int i = 0; i < 4; i++) {
            pacer.awaitTick(group, cuts::add);
        }
        pacer.tick();
        offset.set(130); // committed after the tick, before a send thread took up the wave
        sendQueue.get(0).run();
        offset.set(150); // committed while the wave's first share was being sent
        sendQueue.get(1).run();
        assertEquals(List.of(130L, 130L, 130L, 130L), cuts);
    }

    @Test
    void aConnectionWaitingAgainGetsItsGroupsNextTickOnePeriodLater() {
        FramePacer pacer = pacer(new AtomicLong());
        List<Integer> releases = new ArrayList<>();
        int[] tickNumber = {0};
        FramePacer.Release[] again = new FramePacer.Release[1];
        again[0] = cut -> {
            releases.add(tickNumber[0]);
            pacer.awaitTick(3, again[0]);
        };
        pacer.awaitTick(3, again[0]);
        for (int t = 1; t <= 3 * FramePacer.PHASES; t++) {
            tickNumber[0] = t;
            pacer.tick();
        }
        assertEquals(List.of(4, 4 + FramePacer.PHASES, 4 + 2 * FramePacer.PHASES), releases);
    }

    @Test
    void theTimerRunsOnlyWhileAConnectionWaits() throws InterruptedException {
        ScheduledThreadPoolExecutor realTimer = new ScheduledThreadPoolExecutor(1);
        realTimer.setRemoveOnCancelPolicy(true);
        try {
            FramePacer pacer = new FramePacer(realTimer, Runnable::run, 2, TimeUnit.MILLISECONDS.toNanos(16), () -> 7L);
            assertTrue(realTimer.getQueue().isEmpty(), "a pacer nobody waits on schedules nothing");
            CountDownLatch released = new CountDownLatch(1);
            pacer.awaitTick(5, cut -> released.countDown());
            assertTrue(pacer.ticking(), "a waiting connection starts the timer");
            assertTrue(released.await(10, TimeUnit.SECONDS), "the waiting connection is released");
            await().atMost(Duration.ofSeconds(10)).until(() -> !pacer.ticking() && realTimer.getQueue().isEmpty());
            CountDownLatch again = new CountDownLatch(1);
            pacer.awaitTick(5, cut -> again.countDown());
            assertTrue(again.await(10, TimeUnit.SECONDS), "the timer starts again for the next one");
        } finally {
            realTimer.shutdownNow();
        }
    }
}
