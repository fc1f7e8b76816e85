package dev.easel.host.server;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that encode and send every client's frames, off the engine's writer. A commit queues a flush for
 * each client it reaches; waking a sleeping send thread then takes 50-100 µs on a 2-core VM, as long as sending
 * the first few frames. So the thread that made a call's commit, once it is done with it, {@linkplain #help sends
 * a few of the queued frames itself} while the send threads wake up: a lone edit's first receivers get their
 * frames that much sooner. Each client's flushes stay in order whichever thread runs them (its outbox runs one at
 * a time).
 */
final class SendThreads implements Executor {
    /** Two: one is not enough to keep up with 10 receivers of a move, and a third made no difference. */
    static final int COUNT = 2;
    /**
     * Flushes the committing thread runs at most. In runs alternating in one process, a move's p50 went from
     * about 320 to 290 µs with 1 to 4 and to 270 µs with no bound; the bound keeps the threads that commit a
     * storm's calls from turning into send threads.
     */
    private static final int HELP = 8;
    private static final Logger LOG = LoggerFactory.getLogger(SendThreads.class);

    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(COUNT, COUNT, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "easel-send");
                t.setDaemon(true);
                return t;
            });

    @Override
    public void execute(Runnable flush) {
        pool.execute(flush);
    }

    /**
     * Runs up to {@link #HELP} queued flushes on the calling thread. Taking them from the pool's own queue is
     * what makes this safe: a flush taken here is one no send thread will run.
     */
    void help() {
        for (int i = 0; i < HELP; i++) {
            Runnable flush = pool.getQueue().poll();
            if (flush == null) {
                return;
            }
            try {
                flush.run();
            } catch (RuntimeException e) {
                LOG.error("a flush failed on the committing thread", e);
            }
        }
    }

    void shutdown() {
        pool.shutdown();
    }
}
