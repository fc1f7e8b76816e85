package dev.easel.engine;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the engine's calls under its writer lock, one at a time in the order they were submitted, on whichever
 * submitting thread finds nobody else running them; the others queue their call and return at once. A hundred
 * connections calling together therefore cost one thread running their calls back to back, instead of a hundred
 * threads parked on the lock and woken in turn (each wake-up a context switch, and an unfair lock can leave a
 * parked caller waiting for tens of milliseconds while others barge past it). An uncontended call runs on its
 * caller's thread, as before, without a hand-off.
 */
final class WriterQueue {
    /** Calls run per hold of the lock, so that subscribing (which takes the lock itself) gets in between. */
    private static final int BATCH = 64;

    private final ReentrantLock lock;
    private final ConcurrentLinkedQueue<Runnable> calls = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    WriterQueue(ReentrantLock lock) {
        this.lock = lock;
    }

    /** Runs {@code call} under the lock, now or (if another thread is running calls) soon after: it must not throw. */
    void submit(Runnable call) {
        calls.add(call);
        // Whoever stops running calls looks again before leaving, so a call queued meanwhile is never stranded.
        while (!calls.isEmpty() && running.compareAndSet(false, true)) {
            try {
                lock.lock();
                try {
                    Runnable next;
                    for (int n = 0; n < BATCH && (next = calls.poll()) != null; n++) {
                        next.run();
                    }
                } finally {
                    lock.unlock();
                }
            } finally {
                running.set(false);
            }
        }
    }
}
