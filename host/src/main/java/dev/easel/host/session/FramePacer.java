package dev.easel.host.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces out the frames of a session's connections that receive a stream of transactions, so that a hundred
 * cursors moving at 60 Hz cost each client one frame per tick rather than one per commit. A connection that
 * receives edits one at a time (its last frame held a single transaction, not released by a tick) is never held
 * back: its next frame leaves at once, so a lone move pays no pacing delay. A connection in a stream stays in it
 * while each tick finds something to send (see {@code Outbox}).
 *
 * <p>The connections are dealt into {@link #PHASES} groups whose ticks are staggered across the tick period: every
 * connection still gets one frame per period, but a period's frames leave in several smaller waves instead of
 * one, so the host sends (and its clients apply) a wave before the next begins rather than queueing behind a
 * hundred frames at once. At its group's tick, the pacer releases the group's waiting connections; each sends
 * the commits up to the wave's cut, the document's latest offset when the wave's first connection starts sending
 * (see {@link WaveCut}). The connections of a group that keep up therefore cover the same run of commits, which
 * lets them share the work of converting and merging it ({@link SharedConversions}).
 */
public final class FramePacer implements AutoCloseable {
    /**
     * Waves per tick period (a 16 ms period gives a wave every millisecond). Measured with a hundred cursors at
     * 60 Hz: 1 wave, latency p50 18-19 ms; 4 waves, 15.5-17 ms; 16 waves, 14-15.5 ms (p99 about the same,
     * 36-44 ms, set by the CPU). More waves mean smaller groups sharing a conversion, but the merging is cheap
     * next to the queueing saved.
     */
    static final int PHASES = 16;

    /**
     * The newest offset a wave's frames carry, noted when the first of its connections starts sending rather than
     * when the timer fires: under load the send threads reach a wave a millisecond or more after its tick, and a
     * cut taken at the tick left out the commits already queued meanwhile (a hundred in a tenth of the waves of a
     * cursor storm), which then waited a whole period more.
     */
    static final class WaveCut {
        private static final long NOT_TAKEN = Long.MIN_VALUE;
        private final LongSupplier offset;
        private long value = NOT_TAKEN;

        WaveCut(LongSupplier offset) {
            this.offset = offset;
        }

        synchronized long value() {
            if (value == NOT_TAKEN) {
                value = offset.getAsLong();
            }
            return value;
        }
    }

    /** A connection waiting for its group's tick. */
    interface Release {
        /** Called on a send thread with the wave's cut: the newest offset the connection's frame carries. */
        void at(long cut);
    }

    private final List<ConcurrentLinkedQueue<Release>> waiting = new ArrayList<>();
    private final Executor sendExecutor;
    private final int sendThreads;
    private final LongSupplier offset;
    private final ScheduledExecutorService timer;
    private final long stepNanos;
    /** Guards the ticker and the count of waiting connections. */
    private final Object tickerLock = new Object();
    /** Connections waiting for a tick; the timer runs only while there are some (an idle host never wakes). */
    private int waitingCount;
    private ScheduledFuture<?> ticker;
    private boolean closed;
    private final java.util.concurrent.atomic.AtomicInteger dealt = new java.util.concurrent.atomic.AtomicInteger();
    private int nextPhase;

    /**
     * Gives every connection one tick per {@code tickNanos} (its group's), ticking on {@code timer}; {@code offset}
     * tells the document's latest commit. At a tick the group's waiting connections are flushed on
     * {@code sendExecutor}, split into {@code sendThreads} tasks.
     */
    public FramePacer(ScheduledExecutorService timer, Executor sendExecutor, int sendThreads, long tickNanos,
            LongSupplier offset) {
        if (tickNanos <= 0) {
            throw new IllegalArgumentException("the tick must be positive");
        }
        for (int i = 0; i < PHASES; i++) {
            waiting.add(new ConcurrentLinkedQueue<>());
        }
        this.sendExecutor = sendExecutor;
        this.sendThreads = Math.max(1, sendThreads);
        this.offset = offset;
        this.timer = timer;
        this.stepNanos = Math.max(1, tickNanos / PHASES);
    }

    /** The group of a new connection: dealt in turn, so groups stay even. */
    int assignGroup() {
        return Math.floorMod(dealt.getAndIncrement(), PHASES);
    }

    /** Runs {@code release} on a send thread at the next tick of {@code group}. */
    void awaitTick(int group, Release release) {
        // Counted before it is queued, so a tick never finds a connection it has not counted.
        synchronized (tickerLock) {
            waitingCount++;
            if (ticker == null && !closed) {
                ticker = timer.scheduleAtFixedRate(this::tick, stepNanos, stepNanos, TimeUnit.NANOSECONDS);
            }
        }
        waiting.get(group).add(release);
    }

    /** True while the timer runs: some connection waits for a tick. */
    boolean ticking() {
        synchronized (tickerLock) {
            return ticker != null;
        }
    }

    /**
     * Releases the next group, and stops the timer once nobody waits. Runs on the timer thread only (tests call
     * it directly, with a timer that never fires).
     */
    void tick() {
        int phase = nextPhase;
        nextPhase = (phase + 1) % PHASES;
        ConcurrentLinkedQueue<Release> group = waiting.get(phase);
        List<Release> due = new ArrayList<>();
        for (int n = group.size(); n > 0; n--) {
            Release r = group.poll();
            if (r == null) {
                break;
            }
            due.add(r);
        }
        synchronized (tickerLock) {
            waitingCount -= due.size();
            if (waitingCount == 0 && ticker != null) {
                ticker.cancel(false);
                ticker = null;
            }
        }
        // A few tasks for the whole wave rather than one hand-off per connection.
        int tasks = Math.min(sendThreads, due.size());
        WaveCut cut = new WaveCut(offset);
        for (int t = 0; t < tasks; t++) {
            List<Release> share = due.subList(due.size() * t / tasks, due.size() * (t + 1) / tasks);
            sendExecutor.execute(() -> share.forEach(r -> r.at(cut.value())));
        }
    }

    @Override
    public void close() {
        synchronized (tickerLock) {
            closed = true;
            if (ticker != null) {
                ticker.cancel(false);
                ticker = null;
            }
        }
        waiting.forEach(ConcurrentLinkedQueue::clear);
    }
}
