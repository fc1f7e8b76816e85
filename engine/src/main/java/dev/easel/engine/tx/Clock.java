package dev.easel.engine.tx;

/** Time as the engine sees it, in microseconds since the epoch; tests replace it with {@link ManualClock}. */
@FunctionalInterface
public interface Clock {
    Clock SYSTEM = () -> {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    };

    long nowMicros();
}
