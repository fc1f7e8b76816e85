package dev.easel.host.server;

import dev.easel.host.session.Outbox;
import java.util.concurrent.BlockingQueue;
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
 *
 * <p>Only the flushes of clients that had been sent nothing for a moment ({@link Outbox.IdleFlush}) are taken.
 * A burst of commits must pile up in a client's outbox while the send threads wake, because that is what starts
 * pacing a stream to it (see {@link dev.easel.host.session.FramePacer}); sending each commit of a burst at once
 * would give a watcher a frame per commit. An earlier version took any queued flush, and a stream of a thousand
 * commits a second then reached a lone watcher in 194 frames per 60 ticks instead of one or two per tick.
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
    /**
     * A larger wave of queued flushes keeps both send threads busy anyway, and a third thread sending too only
     * competes with them and with the receivers for the two cores: with 50 receivers of a move, helping took its
     * p99 from about 2 ms to 3.3-8.7 ms, in runs interleaved with runs without help.
     */
    private static final int LARGEST_WAVE_HELPED = 2 * HELP;
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
     * Runs up to {@link #HELP} queued flushes of quiet clients on the calling thread, as long as one heads the
     * queue. Taking them from the pool's own queue is what makes this safe: a flush taken here is one no send
     * thread will run.
     */
    void help() {
        BlockingQueue<Runnable> queue = pool.getQueue();
        if (queue.size() > LARGEST_WAVE_HELPED) {
            return;
        }
        for (int ran = 0; ran < HELP; ) {
            Runnable flush = queue.peek();
            if (!(flush instanceof Outbox.IdleFlush)) {
                return;
            }
            if (!queue.remove(flush)) {
                continue; // a send thread took it meanwhile
            }
            ran++;
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
