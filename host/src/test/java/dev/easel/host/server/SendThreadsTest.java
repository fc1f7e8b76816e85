package dev.easel.host.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The thread that committed sends queued frames itself, in their order, and only so many of them. */
class SendThreadsTest {
    private final SendThreads threads = new SendThreads();
    private final CountDownLatch release = new CountDownLatch(1);

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

    @Test
    void queuedFlushesRunOnTheHelpingThreadInOrderUpToTheBound() throws InterruptedException {
        occupyTheSendThreads();
        List<Integer> ran = new CopyOnWriteArrayList<>();
        List<Thread> on = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            threads.execute(() -> {
                ran.add(n);
                on.add(Thread.currentThread());
            });
        }
        threads.help();
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), ran, "the first eight, in order");
        assertTrue(on.stream().allMatch(t -> t == Thread.currentThread()));
    }

    @Test
    void aFailingFlushDoesNotStopTheHelp() throws InterruptedException {
        occupyTheSendThreads();
        List<Integer> ran = new CopyOnWriteArrayList<>();
        threads.execute(() -> {
            throw new IllegalStateException("a flush that fails");
        });
        threads.execute(() -> ran.add(1));
        threads.help();
        assertEquals(List.of(1), ran);
    }
}
