package dev.easel.engine.store;

import dev.easel.engine.table.Row;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a producer of rows on a thread of its own and hands its rows, in order and in batches, to a consumer on
 * the calling thread. Opening a large document reads and decodes rows on one core while the other builds the
 * table and its indexes. A failure on either side stops both and reaches the caller.
 */
final class RowPipeline {
    private static final int BATCH = 1024;
    private static final Row[] END = new Row[0];

    private RowPipeline() {
    }

    static void run(Consumer<Consumer<Row>> producer, Consumer<Row> consumer) {
        BlockingQueue<Row[]> queue = new ArrayBlockingQueue<>(16);
        Throwable[] failure = new Throwable[1];
        boolean[] cancelled = new boolean[1];
        Thread reader = new Thread(() -> {
            Row[][] batch = {new Row[BATCH]};
            int[] n = {0};
            try {
                producer.accept(row -> {
                    batch[0][n[0]++] = row;
                    if (n[0] == BATCH) {
                        hand(queue, batch[0], cancelled);
                        batch[0] = new Row[BATCH];
                        n[0] = 0;
                    }
                });
                if (n[0] > 0) {
                    hand(queue, java.util.Arrays.copyOf(batch[0], n[0]), cancelled);
                }
            } catch (Throwable t) {
                synchronized (failure) {
                    failure[0] = t;
                }
            } finally {
                try {
                    hand(queue, END, cancelled);
                } catch (RuntimeException ignored) {
                    // cancelled: the consumer has stopped listening
                }
            }
        }, "easel-open-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Row[] rows = queue.take();
                if (rows == END) {
                    break;
                }
                for (Row r : rows) {
                    consumer.accept(r);
                }
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while opening the document", e);
        } catch (RuntimeException | Error e) {
            synchronized (cancelled) {
                cancelled[0] = true;
            }
            throw e;
        }
        synchronized (failure) {
            if (failure[0] instanceof RuntimeException e) {
                throw e;
            }
            if (failure[0] instanceof Error e) {
                throw e;
            }
            if (failure[0] != null) {
                throw new StoreException(failure[0].toString(), failure[0]);
            }
        }
    }

    /** Puts a batch on the queue, giving up once the consumer has stopped. */
    private static void hand(BlockingQueue<Row[]> queue, Row[] rows, boolean[] cancelled) {
        try {
            while (!queue.offer(rows, 50, TimeUnit.MILLISECONDS)) {
                synchronized (cancelled) {
                    if (cancelled[0]) {
                        throw new IllegalStateException("cancelled");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
