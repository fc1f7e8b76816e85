package dev.easel.host.server;

/**
 * How much a client may send and hold. Defaults: 1 MiB frames, 600 messages a second with bursts of 1,200,
 * disconnect after 200 refused messages, 256 subscriptions, 16 pending outgoing messages before updates
 * to the same row start to merge.
 */
public record SessionLimits(int maxFrameBytes, int messagesPerSecond, int burst, int strikesBeforeDisconnect,
        int maxSubscriptions, int outboxSoftLimit) {
    public static final SessionLimits DEFAULT = new SessionLimits(1 << 20, 600, 1200, 200, 256, 16);

    public SessionLimits withRate(int perSecond, int burstSize) {
        return new SessionLimits(maxFrameBytes, perSecond, burstSize, strikesBeforeDisconnect, maxSubscriptions,
                outboxSoftLimit);
    }

    public SessionLimits withOutboxSoftLimit(int pending) {
        return new SessionLimits(maxFrameBytes, messagesPerSecond, burst, strikesBeforeDisconnect, maxSubscriptions,
                pending);
    }
}
