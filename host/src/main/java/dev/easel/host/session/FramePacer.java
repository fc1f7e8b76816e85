package dev.easel.host.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces out the frames of a session's connections that receive a stream of transactions, so that a hundred
 * cursors moving at 60 Hz cost each client one frame per tick rather than one per commit. At each tick the
 * pacer notes the document's latest offset (the cut) and releases the waiting connections; each sends the
 * commits up to the cut. Clients that keep up therefore cover the same run of commits, which lets them share the
 * work of converting and merging it ({@link SharedConversions}). A connection that receives edits one at a time
 * (its last frame held a single transaction) is never held back: its next frame leaves at once, so a lone move
 * pays no pacing delay.
 */
public final class FramePacer implements AutoCloseable {
    private final ConcurrentLinkedQueue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    private final Executor sendExecutor;
    private final int sendThreads;
    private final LongSupplier offset;
    private final java.util.concurrent.ScheduledFuture<?> ticker;
    private volatile long cut = Long.MAX_VALUE;

    /**
     * Ticks every {@code tickNanos} on {@code timer}; {@code offset} tells the document's latest commit. At a
     * tick the waiting connections are flushed on {@code sendExecutor}, split into {@code sendThreads} tasks.
     */
    public FramePacer(ScheduledExecutorService timer, Executor sendExecutor, int sendThreads, long tickNanos,
            LongSupplier offset) {
        if (tickNanos <= 0) {
            throw new IllegalArgumentException("the tick must be positive");
        }
        this.sendExecutor = sendExecutor;
        this.sendThreads = Math.max(1, sendThreads);
        this.offset = offset;
        this.ticker = timer.scheduleAtFixedRate(this::tick, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
    }

    /** True if a connection whose previous frame carried {@code transactions} should wait for the next tick. */
    static boolean shouldWait(int previousFrameTransactions) {
        return previousFrameTransactions > 1;
    }

    /** Runs {@code release} on a send thread at the next tick. */
    void awaitTick(Runnable release) {
        waiting.add(release);
    }

    /** The newest offset a released connection sends in this tick's frame. */
    long cut() {
        return cut;
    }

    private void tick() {
        cut = offset.getAsLong();
        List<Runnable> due = new ArrayList<>();
        for (int n = waiting.size(); n > 0; n--) {
            Runnable r = waiting.poll();
            if (r == null) {
                break;
            }
            due.add(r);
        }
        // A few tasks for the whole tick rather than one hand-off per connection.
        int tasks = Math.min(sendThreads, due.size());
        for (int t = 0; t < tasks; t++) {
            List<Runnable> share = due.subList(due.size() * t / tasks, due.size() * (t + 1) / tasks);
            sendExecutor.execute(() -> share.forEach(Runnable::run));
        }
    }

    @Override
    public void close() {
        ticker.cancel(false);
        waiting.clear();
    }
}
