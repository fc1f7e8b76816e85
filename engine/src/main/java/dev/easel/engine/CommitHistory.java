package dev.easel.engine;

import dev.easel.engine.tx.CommitRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The recent commits an engine keeps for subscribers that resume after a disconnect, bounded by count and by
 * memory (an image stored in a document must not stay in memory twice for as long as ten thousand later
 * commits take). A commit larger than the whole budget is not kept at all. A ring of records with their sizes
 * beside them: dropping the oldest reads its size from the ring, never from the long-cold record. Used under
 * the engine's writer lock.
 *
 * <p>Only changes to durable tables are kept: a subscriber of a transient table (cursors, presence) resumes
 * with a snapshot of it instead, which is small. A hundred cursors at 60 Hz commit 6,000 times a second; kept,
 * they pushed every document change out of the history within two seconds (so a joiner back after a short
 * drop of its link had to load the whole document again), and they were a large part of what survived each
 * young collection of the host's heap, whose copying sets the length of the pauses.
 */
final class CommitHistory {
    private final int maxCommits;
    private final long maxBytes;
    private CommitRecord[] records = new CommitRecord[16];
    private long[] sizes = new long[16];
    /** Position of the oldest commit kept. */
    private int head;
    private int count;
    private long bytes;
    /** Every durable change after this offset is kept. */
    private long completeAfter;

    CommitHistory(int maxCommits, long maxBytes) {
        this.maxCommits = maxCommits;
        this.maxBytes = maxBytes;
    }

    /** Starts the history at {@code offset}: the engine's offset when it opened its document. */
    void startAfter(long offset) {
        completeAfter = offset;
    }

    void add(CommitRecord commit) {
        CommitRecord record = commit.durablePart();
        if (record == null) {
            return;
        }
        long size = record.approximateBytes();
        while (count > 0 && (count >= maxCommits || bytes + size > maxBytes)) {
            dropOldest();
        }
        if (maxCommits == 0 || size > maxBytes) {
            completeAfter = record.offset();
            return;
        }
        if (count == records.length) {
            grow();
        }
        int at = (head + count) % records.length;
        records[at] = record;
        sizes[at] = size;
        count++;
        bytes += size;
    }

    /**
     * The durable changes of the commits after {@code offset}, oldest first (commits that changed only transient
     * tables left out); null if they are not all kept, or if {@code offset} is past {@code latest} (the engine's
     * newest offset).
     */
    List<CommitRecord> after(long offset, long latest) {
        if (offset == latest) {
            return List.of();
        }
        if (offset > latest || offset < completeAfter) {
            return null;
        }
        List<CommitRecord> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CommitRecord r = records[(head + i) % records.length];
            if (r.offset() > offset) {
                out.add(r);
            }
        }
        return out;
    }

    private void dropOldest() {
        completeAfter = records[head].offset();
        records[head] = null;
        bytes -= sizes[head];
        head = (head + 1) % records.length;
        count--;
    }

    private void grow() {
        int capacity = records.length * 2;
        CommitRecord[] r = new CommitRecord[capacity];
        long[] s = new long[capacity];
        for (int i = 0; i < count; i++) {
            r[i] = records[(head + i) % records.length];
            s[i] = sizes[(head + i) % records.length];
        }
        records = r;
        sizes = s;
        head = 0;
    }
}
