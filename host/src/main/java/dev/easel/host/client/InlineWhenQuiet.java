package dev.easel.host.client;

import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * A joiner's send executor: a flush asked for after a quiet spell runs on the caller's thread, so a lone call
 * (a drag step, a cursor move) costs one socket write there instead of a wake-up of a send thread, about 50 us
 * more on a 2-core machine; one asked for soon after the previous goes to the shared send threads, so a burst
 * of calls (a client with many in flight) shares frames instead of paying a frame each.
 */
final class InlineWhenQuiet implements Executor {
    /** Shorter than a round trip on loopback, longer than the gap between the calls of a burst. */
    static final long QUIET_NANOS = 200_000;
    private final Executor burst;
    private final LongSupplier clock;
    private volatile long lastNanos;

    InlineWhenQuiet(Executor burst) {
        this(burst, System::nanoTime);
    }

    /** {@code clock}: nanoseconds, as {@link System#nanoTime()} (tests pass their own). */
    InlineWhenQuiet(Executor burst, LongSupplier clock) {
        this.burst = burst;
        this.clock = clock;
        this.lastNanos = clock.getAsLong() - QUIET_NANOS;
    }

    @Override
    public void execute(Runnable flush) {
        long now = clock.getAsLong();
        long previous = lastNanos;
        lastNanos = now;
        if (now - previous >= QUIET_NANOS) {
            flush.run();
        } else {
            burst.execute(flush);
        }
    }
}
