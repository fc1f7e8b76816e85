package dev.easel.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UiRefreshTest {
    private final Queue<Runnable> ui = new ArrayDeque<>();
    private final AtomicInteger runs = new AtomicInteger();
    private final UiRefresh refresh = new UiRefresh(ui::add, runs::incrementAndGet);

    private void drain() {
        for (Runnable r; (r = ui.poll()) != null; ) {
            r.run();
        }
    }

    @Test
    void requestsBeforeTheRefreshRunsMakeOneRun() {
        refresh.request();
        refresh.request();
        refresh.request();
        assertEquals(1, ui.size());
        drain();
        assertEquals(1, runs.get());
        refresh.request();
        drain();
        assertEquals(2, runs.get(), "a request after the run queues another");
    }

    @Test
    void nothingRunsOnceClosedNotEvenWhatWasQueued() {
        refresh.request();
        refresh.close();
        refresh.request();
        drain();
        assertEquals(0, runs.get());
    }
}
