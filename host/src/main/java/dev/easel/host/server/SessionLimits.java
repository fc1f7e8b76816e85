package dev.easel.host.server;

/**
 * How much a client may send and hold, and how its frames are paced. Defaults: 1 MiB frames, 600 messages a
 * second with bursts of 1,200, disconnect after 200 refused messages, 256 subscriptions, 16 pending outgoing
 * transactions before updates to the same row start to merge, and a frame tick of {@code frameTickMicros} (16 ms,
 * one frame of a 60 Hz display): a client that receives a stream of transactions gets one frame per tick (see
 * {@code FramePacer}; 0 turns pacing off), so a hundred cursors moving at 60 Hz cost it about 60 frames a second.
 */
public record SessionLimits(int maxFrameBytes, int messagesPerSecond, int burst, int strikesBeforeDisconnect,
        int maxSubscriptions, int outboxSoftLimit, int frameTickMicros) {
    public static final int DEFAULT_FRAME_TICK_MICROS = 16_000;
    public static final SessionLimits DEFAULT = new SessionLimits(1 << 20, 600, 1200, 200, 256, 16);

    public SessionLimits(int maxFrameBytes, int messagesPerSecond, int burst, int strikesBeforeDisconnect,
            int maxSubscriptions, int outboxSoftLimit) {
        this(maxFrameBytes, messagesPerSecond, burst, strikesBeforeDisconnect, maxSubscriptions, outboxSoftLimit,
                DEFAULT_FRAME_TICK_MICROS);
    }

    public SessionLimits withRate(int perSecond, int burstSize) {
        return new SessionLimits(maxFrameBytes, perSecond, burstSize, strikesBeforeDisconnect, maxSubscriptions,
                outboxSoftLimit, frameTickMicros);
    }

    public SessionLimits withOutboxSoftLimit(int pending) {
        return new SessionLimits(maxFrameBytes, messagesPerSecond, burst, strikesBeforeDisconnect, maxSubscriptions,
                pending, frameTickMicros);
    }

    public SessionLimits withFrameTickMicros(int micros) {
        return new SessionLimits(maxFrameBytes, messagesPerSecond, burst, strikesBeforeDisconnect, maxSubscriptions,
                outboxSoftLimit, micros);
    }
}
