package dev.easel.host.session;

import java.util.concurrent.ConcurrentLinkedQueue;
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
    private final LongSupplier offset;
    private final java.util.concurrent.ScheduledFuture<?> ticker;
    private volatile long cut = Long.MAX_VALUE;

    /** Ticks every {@code tickNanos} on {@code timer}; {@code offset} tells the document's latest commit. */
    public FramePacer(ScheduledExecutorService timer, long tickNanos, LongSupplier offset) {
        if (tickNanos <= 0) {
            throw new IllegalArgumentException("the tick must be positive");
        }
        this.offset = offset;
        this.ticker = timer.scheduleAtFixedRate(this::tick, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
    }

    /** True if a connection whose previous frame carried {@code transactions} should wait for the next tick. */
    static boolean shouldWait(int previousFrameTransactions) {
        return previousFrameTransactions > 1;
    }

    /** Runs {@code release} at the next tick. */
    void awaitTick(Runnable release) {
        waiting.add(release);
    }

    /** The newest offset a released connection sends in this tick's frame. */
    long cut() {
        return cut;
    }

    private void tick() {
        cut = offset.getAsLong();
        for (int n = waiting.size(); n > 0; n--) {
            Runnable r = waiting.poll();
            if (r == null) {
                return;
            }
            r.run();
        }
    }

    @Override
    public void close() {
        ticker.cancel(false);
        waiting.clear();
    }
}
