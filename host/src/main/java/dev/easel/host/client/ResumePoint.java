package dev.easel.host.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far a joiner's subscriptions are complete, so that after a reconnect the host sends only what was missed.
 * A commit's parts for several subscriptions may span frames, so only the transaction before the newest one is
 * surely whole; a subscription whose snapshot is newer than that is complete up to its snapshot. Applying a
 * commit twice is harmless (inserts replace, updates patch, deletes of absent rows do nothing), so resuming a
 * little early is safe; late is not.
 */
final class ResumePoint {
    /** Offset of the newest transaction received, and of the one before it (every part of which arrived). */
    private volatile long lastTxOffset = -1;
    private volatile long completeTxOffset = -1;
    /** Per subscription, the offset its snapshot was taken at. */
    private final Map<Long, Long> snapshotOffsets = new ConcurrentHashMap<>();

    void snapshot(long queryId, long offset) {
        snapshotOffsets.put(queryId, offset);
    }

    /** A transaction (or a part of one) arrived. */
    void transaction(long offset) {
        if (offset != lastTxOffset) {
            completeTxOffset = lastTxOffset;
            lastTxOffset = offset;
        }
    }

    /** The newest transaction received, -1 before any. */
    long lastTxOffset() {
        return lastTxOffset;
    }

    /** Of these subscriptions (id to query), the ones that can resume: their snapshot arrived. */
    Map<Long, String> resumable(Map<Long, String> queries) {
        Map<Long, String> resume = new LinkedHashMap<>();
        for (Map.Entry<Long, String> q : queries.entrySet()) {
            if (snapshotOffsets.containsKey(q.getKey())) {
                resume.put(q.getKey(), q.getValue());
            }
        }
        return resume;
    }

    /** The offset every one of {@code resumed} is complete up to; -1 (resume nothing) if there are none. */
    long offsetFor(Iterable<Long> resumed) {
        long offset = Long.MAX_VALUE;
        for (Long q : resumed) {
            offset = Math.min(offset, Math.max(snapshotOffsets.get(q), completeTxOffset));
        }
        return offset == Long.MAX_VALUE ? -1 : offset;
    }
}
