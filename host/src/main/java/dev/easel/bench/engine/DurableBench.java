package dev.easel.bench.engine;

import dev.easel.engine.Engine;
import dev.easel.engine.tx.Args;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * engine.durable_tx_per_s: 64 caller threads each keep up to 40 {@code move} calls in flight against an engine
 * with a document file; a call counts once its future completes, which the engine does only after the commit is
 * on disk. A hand harness rather than JMH: the figure is the rate of asynchronous completions across many
 * threads and the group-commit thread, not the cost of one invocation, so we count completions over a timed
 * window after a warmup window, then close the engine (flushing the tail) and reopen the file to check that
 * every acknowledged commit is there.
 */
final class DurableBench {
    static final int THREADS = 64;
    static final int IN_FLIGHT = 40;

    record Result(double txPerSecond, long acknowledged, long measuredNanos, long offsetOnDisk) {
    }

    private DurableBench() {
    }

    static Result run(Path dir, boolean sync, double warmupSeconds, double measureSeconds) throws Exception {
        Path file = dir.resolve(sync ? "durable-sync.easel" : "durable-nosync.easel");
        Files.deleteIfExists(file);
        String[] ids = NodeTable.ids(UpdateBench.ROWS, 42);
        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long offsetBefore;
        Engine engine = NodeTable.engine().document(file).syncWrites(sync).open();
        try {
            NodeTable.load(engine, NodeTable.rows(UpdateBench.ROWS, 42), 500);
            offsetBefore = engine.offset();
            List<Thread> threads = new ArrayList<>();
            List<Semaphore> slots = new ArrayList<>();
            var stop = new java.util.concurrent.atomic.AtomicBoolean();
            for (int t = 0; t < THREADS; t++) {
                Semaphore slot = new Semaphore(IN_FLIGHT);
                slots.add(slot);
                int me = t;
                Thread th = new Thread(() -> {
                    SplittableRandom r = new SplittableRandom(me);
                    long step = (long) me << 40;
                    try {
                        while (!stop.get()) {
                            if (!slot.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                                continue;
                            }
                            step++;
                            String id = ids[r.nextInt(ids.length)];
                            // never-used coordinates: every call changes its row and commits
                            double x = step * 0.5 + 0.25;
                            double y = step * 0.25 + 0.125;
                            engine.call(NodeTable.CALLER, "move", Args.of("id", id, "x", x, "y", y))
                                    .whenComplete((res, e) -> {
                                        if (e != null || !res.changed()) {
                                            failure.compareAndSet(null,
                                                    e != null ? e : new IllegalStateException("no commit"));
                                        } else {
                                            acknowledged.incrementAndGet();
                                        }
                                        slot.release();
                                    });
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "bench-caller-" + t);
                th.setDaemon(true);
                threads.add(th);
            }
            threads.forEach(Thread::start);
            sleep(warmupSeconds);
            long a0 = acknowledged.get();
            long t0 = System.nanoTime();
            sleep(measureSeconds);
            long a1 = acknowledged.get();
            long t1 = System.nanoTime();
            stop.set(true);
            for (Thread th : threads) {
                th.join();
            }
            for (Semaphore slot : slots) {
                slot.acquire(IN_FLIGHT); // every call in flight has been acknowledged
            }
            if (failure.get() != null) {
                throw new IllegalStateException("a durable call failed: " + failure.get(), failure.get());
            }
            long expected = offsetBefore + acknowledged.get();
            if (engine.offset() != expected || engine.durableOffset() != expected) {
                throw new IllegalStateException("offset " + engine.offset() + " / durable " + engine.durableOffset()
                        + ", expected " + expected);
            }
            engine.close();
            long onDisk;
            try (Engine reopened = NodeTable.engine().document(file).open()) {
                onDisk = reopened.offset();
            }
            if (onDisk != expected) {
                throw new IllegalStateException("reopened at offset " + onDisk + ", expected " + expected);
            }
            long nanos = t1 - t0;
            return new Result((a1 - a0) * 1e9 / nanos, acknowledged.get(), nanos, onDisk);
        } finally {
            engine.close();
            Files.deleteIfExists(file);
        }
    }

    private static void sleep(double seconds) throws InterruptedException {
        Thread.sleep((long) (seconds * 1000));
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temp file; the OS cleans up
        }
    }
}
