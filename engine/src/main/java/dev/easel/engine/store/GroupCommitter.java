package dev.easel.engine.store;

import dev.easel.engine.tx.CommitRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes committed transactions to the document on a thread of its own, as many as have queued up in one
 * disk commit, so the writer never waits on the disk per transaction. Each entry's {@code afterDurable}
 * runs once its transaction is on disk, in offset order: that is where acknowledgements are sent.
 */
public final class GroupCommitter implements AutoCloseable {
    private static final int QUEUE_CAPACITY = 1 << 16;
    private static final int MAX_BATCH = 8192;

    /**
     * A transaction to write (null for an entry that only waits its turn), what to do once it is on disk, and
     * what to do if it never gets there.
     */
    public record Entry(long offset, CommitRecord record, Runnable afterDurable, Consumer<Throwable> failed) {
    }

    private final DocumentStore store;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread thread;
    private final Consumer<Throwable> onFailure;
    private volatile long durableOffset;
    private volatile boolean stopping;
    private volatile Throwable failure;

    public GroupCommitter(DocumentStore store, long durableOffset, Consumer<Throwable> onFailure) {
        this.store = store;
        this.durableOffset = durableOffset;
        this.onFailure = onFailure;
        this.thread = new Thread(this::run, "easel-group-commit");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues an entry; blocks while the queue is full, which slows writers down to the disk's pace. */
    public void submit(Entry entry) {
        if (failure != null) {
            throw new StoreException("the document can no longer be written: " + failure.getMessage(), failure);
        }
        try {
            queue.put(entry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while queueing a commit", e);
        }
    }

    /** Every transaction up to this offset is on disk. */
    public long durableOffset() {
        return durableOffset;
    }

    private void run() {
        List<Entry> batch = new ArrayList<>();
        List<CommitRecord> records = new ArrayList<>();
        while (true) {
            try {
                Entry first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (stopping && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                for (Entry e : batch) {
                    if (e.record() != null) {
                        records.add(e.record());
                    }
                }
                if (!records.isEmpty()) {
                    store.write(records);
                }
                for (Entry e : batch) {
                    durableOffset = Math.max(durableOffset, e.offset());
                    e.afterDurable().run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) {
                // A disk that refuses writes: nothing more is acknowledged, and every waiter is told.
                failure = t;
                queue.drainTo(batch);
                for (Entry e : batch) {
                    e.failed().accept(t);
                }
                onFailure.accept(t);
                return;
            } finally {
                batch.clear();
                records.clear();
            }
        }
    }

    /** Writes everything queued, then stops. */
    @Override
    public void close() {
        stopping = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
