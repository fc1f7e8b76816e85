package dev.easel.engine.store;

import dev.easel.engine.tx.CommitRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes committed transactions to the document on threads of its own, so the writer never waits on the disk
 * per transaction. Two stages, pipelined: the <em>writer</em> thread takes as many transactions as have queued
 * up and writes them as one store commit (to the operating system); the <em>acknowledger</em> thread forces
 * what has been written to the disk (one fsync for every batch written meanwhile) and then runs each entry's
 * {@code afterDurable}, in offset order: that is where acknowledgements are sent. So the next batch is being
 * serialized while the previous one is being forced, and completing callers' futures never delays the disk.
 */
public final class GroupCommitter implements AutoCloseable {
    private static final int QUEUE_CAPACITY = 1 << 16;
    private static final int MAX_BATCH = 8192;
    /** Batches written but not yet forced and acknowledged; a full pipeline makes the writer wait for the disk. */
    private static final int WRITTEN_CAPACITY = 64;

    /**
     * A transaction to write (null for an entry that only waits its turn), what to do once it is on disk, and
     * what to do if it never gets there.
     */
    public record Entry(long offset, CommitRecord record, Runnable afterDurable, Consumer<Throwable> failed) {
    }

    /** One store commit's entries, on their way to the acknowledger; {@code last} ends the stream. */
    private record Written(List<Entry> entries, boolean wroteRecords, boolean last) {
    }

    private final DocumentStore store;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final BlockingQueue<Written> written = new ArrayBlockingQueue<>(WRITTEN_CAPACITY);
    private final Thread writer;
    private final Thread acknowledger;
    private final Consumer<Throwable> onFailure;
    private volatile long durableOffset;
    private volatile boolean stopping;
    private volatile Throwable failure;

    public GroupCommitter(DocumentStore store, long durableOffset, Consumer<Throwable> onFailure) {
        this.store = store;
        this.durableOffset = durableOffset;
        this.onFailure = onFailure;
        this.writer = new Thread(this::writeLoop, "easel-group-commit");
        this.writer.setDaemon(true);
        this.acknowledger = new Thread(this::acknowledgeLoop, "easel-group-commit-ack");
        this.acknowledger.setDaemon(true);
        this.acknowledger.start();
        this.writer.start();
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
        if (failure != null) {
            failQueued(); // the writer may have stopped between the check above and the put
        }
    }

    /** Every transaction up to this offset is on disk. */
    public long durableOffset() {
        return durableOffset;
    }

    private void writeLoop() {
        List<CommitRecord> records = new ArrayList<>();
        List<Entry> batch = null;
        try {
            while (failure == null) {
                Entry first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (stopping && queue.isEmpty()) {
                        break;
                    }
                    continue;
                }
                batch = new ArrayList<>(Math.min(MAX_BATCH, queue.size() + 1));
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                for (Entry e : batch) {
                    if (e.record() != null) {
                        records.add(e.record());
                    }
                }
                if (!records.isEmpty()) {
                    store.commitBatch(records);
                }
                boolean wrote = !records.isEmpty();
                records.clear();
                written.put(new Written(batch, wrote, false));
                batch = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            // A disk that refuses writes: nothing more is acknowledged, and every waiter is told.
            fail(t, batch);
        } finally {
            putQuietly(new Written(List.of(), false, true));
        }
    }

    private void acknowledgeLoop() {
        List<Written> ready = new ArrayList<>();
        Throwable broken = null; // a failed fsync or callback: nothing after it is acknowledged
        boolean last = false;
        while (!last) {
            try {
                ready.add(written.take());
                written.drainTo(ready);
                boolean force = false;
                for (Written w : ready) {
                    force |= w.wroteRecords();
                    last |= w.last();
                }
                if (broken == null && force && store.syncs()) {
                    try {
                        store.sync();
                    } catch (Throwable t) {
                        broken = t;
                        fail(t, null);
                    }
                }
                // Every batch here reached the operating system before the writer passed it on (one whose write
                // failed never gets here), so once forced it is acknowledged even if a later write failed.
                for (Written w : ready) {
                    for (Entry e : w.entries()) {
                        if (broken != null) {
                            e.failed().accept(broken);
                            continue;
                        }
                        try {
                            durableOffset = Math.max(durableOffset, e.offset());
                            e.afterDurable().run();
                        } catch (Throwable t) {
                            broken = t;
                            fail(t, null);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                ready.clear();
            }
        }
    }

    /** Records the first failure, tells {@code entries} and everything still queued, and the engine. */
    private synchronized void fail(Throwable t, List<Entry> entries) {
        boolean first = failure == null;
        if (first) {
            failure = t;
        }
        if (entries != null) {
            failAll(failure, entries);
        }
        failQueued();
        if (first) {
            onFailure.accept(t);
        }
    }

    private void failQueued() {
        List<Entry> left = new ArrayList<>();
        queue.drainTo(left);
        failAll(failure, left);
    }

    private static void failAll(Throwable t, List<Entry> entries) {
        for (Entry e : entries) {
            e.failed().accept(t);
        }
    }

    private void putQuietly(Written w) {
        boolean interrupted = false;
        while (true) {
            try {
                written.put(w);
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the end marker must reach the acknowledger, or close() would wait forever
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes and forces everything queued, acknowledges it, then stops. */
    @Override
    public void close() {
        stopping = true;
        try {
            writer.join();
            acknowledger.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
