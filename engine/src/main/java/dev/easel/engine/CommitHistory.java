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

    CommitHistory(int maxCommits, long maxBytes) {
        this.maxCommits = maxCommits;
        this.maxBytes = maxBytes;
    }

    void add(CommitRecord record) {
        if (maxCommits == 0) {
            return;
        }
        long size = record.approximateBytes();
        while (count > 0 && (count >= maxCommits || bytes + size > maxBytes)) {
            dropOldest();
        }
        if (size > maxBytes) {
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
     * The commits after {@code offset}, oldest first; null if they are not all kept, or if {@code offset} is
     * past {@code latest} (the engine's newest offset).
     */
    List<CommitRecord> after(long offset, long latest) {
        if (offset == latest) {
            return List.of();
        }
        if (offset > latest || count == 0 || records[head].offset() > offset + 1) {
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
