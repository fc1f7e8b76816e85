package dev.easel.engine.tx;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told: for tests of idle sweeps and schedules. */
public final class ManualClock implements Clock {
    private final AtomicLong micros;

    public ManualClock(long startMicros) {
        this.micros = new AtomicLong(startMicros);
    }

    @Override
    public long nowMicros() {
        return micros.get();
    }

    public void advance(Duration d) {
        micros.addAndGet(d.toNanos() / 1_000);
    }
}
