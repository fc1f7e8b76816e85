package dev.easel.host.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.subscription.TableDelta;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.TxInfo;
import dev.easel.host.protocol.CborCodec;
import dev.easel.host.session.Outbox;
import dev.easel.host.session.SharedConversions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The thread that committed sends the queued frames of quiet clients itself, in their order, and only so many
 * of them; any other flush it leaves to the send threads.
 */
class SendThreadsTest {
    private static final TableSchema ITEM = Schema.builder()
            .table("item", t -> t.column("id", ColumnType.STRING).primaryKey("id"))
            .build().table("item");

    private final SendThreads threads = new SendThreads();
    private final CountDownLatch release = new CountDownLatch(1);
    /** Which client's frame went out, on which thread, in order. */
    private final List<Integer> sent = new CopyOnWriteArrayList<>();
    private final List<Thread> sentOn = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdown();
    }

    /** Keeps every send thread busy until the test ends, so that what is queued next stays queued. */
    private void occupyTheSendThreads() throws InterruptedException {
        CountDownLatch busy = new CountDownLatch(SendThreads.COUNT);
        for (int i = 0; i < SendThreads.COUNT; i++) {
            threads.execute(() -> {
                busy.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertTrue(busy.await(10, TimeUnit.SECONDS));
    }

    /**
     * Queues on the send threads the flush of a quiet client's outbox, made by a commit reaching it: client
     * {@code n}'s frame is recorded when it goes out.
     */
    private void queueIdleFlush(int n) {
        List<Runnable> made = new ArrayList<>();
        Outbox outbox = new Outbox((frame, binary, done, failed) -> {
            sent.add(n);
            sentOn.add(Thread.currentThread());
            done.run();
        }, new CborCodec(), 16, made::add, null, new SharedConversions());
        outbox.park(1, new TxInfo(1, 1, new Identity("writer"), "move", null), new TableDelta(ITEM), -1);
        assertInstanceOf(Outbox.IdleFlush.class, made.get(0));
        threads.execute(made.get(0));
    }

    @Test
    void queuedIdleFlushesRunOnTheHelpingThreadInOrderUpToTheBound() throws InterruptedException {
        occupyTheSendThreads();
        for (int i = 0; i < 12; i++) {
            queueIdleFlush(i);
        }
        threads.help();
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), sent, "the first eight, in order");
        assertTrue(sentOn.stream().allMatch(t -> t == Thread.currentThread()));
    }

    @Test
    void helpStopsAtAFlushThatIsNotIdle() throws InterruptedException {
        occupyTheSendThreads();
        queueIdleFlush(0);
        List<Integer> other = new CopyOnWriteArrayList<>();
        threads.execute(() -> other.add(1)); // a burst's flush, or any other task
        queueIdleFlush(2);
        threads.help();
        assertEquals(List.of(0), sent, "the one before it only");
        assertTrue(other.isEmpty(), "left for the send threads");
    }

    @Test
    void aLargeWaveIsLeftToTheSendThreads() throws InterruptedException {
        occupyTheSendThreads();
        for (int i = 0; i < 17; i++) {
            queueIdleFlush(i);
        }
        threads.help();
        assertTrue(sent.isEmpty(), "seventeen frames to send: the committing thread sends none of them");
    }

    @Test
    void aFailingFlushDoesNotStopTheHelp() throws InterruptedException {
        occupyTheSendThreads();
        List<Runnable> made = new ArrayList<>();
        Outbox failing = new Outbox((frame, binary, done, failed) -> {
            throw new IllegalStateException("a socket that fails");
        }, new CborCodec(), 16, made::add, null, new SharedConversions());
        failing.park(1, new TxInfo(1, 1, new Identity("writer"), "move", null), new TableDelta(ITEM), -1);
        threads.execute(made.get(0));
        queueIdleFlush(1);
        threads.help();
        assertEquals(List.of(1), sent);
    }
}
