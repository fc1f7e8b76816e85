package dev.easel.host.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InlineWhenQuietTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Runnable> handedOver = new ArrayList<>();
    private final InlineWhenQuiet executor = new InlineWhenQuiet(handedOver::add, now::get);
    private final List<String> ranInline = new ArrayList<>();

    @Test
    void aLoneFlushRunsOnTheCallersThreadAndOneCloseBehindIsHandedOver() {
        executor.execute(() -> ranInline.add("first"));
        now.addAndGet(50_000); // 50 us later: part of a burst
        executor.execute(() -> ranInline.add("second"));

        assertEquals(List.of("first"), ranInline);
        assertEquals(1, handedOver.size(), "the burst's flush goes to the send threads, where later calls join it");
    }

    @Test
    void aFlushAfterAQuietSpellRunsInlineAgain() {
        executor.execute(() -> ranInline.add("first"));
        now.addAndGet(50_000);
        executor.execute(() -> ranInline.add("burst"));
        now.addAndGet(InlineWhenQuiet.QUIET_NANOS);
        executor.execute(() -> ranInline.add("after quiet"));

        assertEquals(List.of("first", "after quiet"), ranInline);
        assertEquals(1, handedOver.size());
    }

    @Test
    void aSteadyBurstKeepsBeingHandedOver() {
        executor.execute(() -> ranInline.add("first"));
        for (int i = 0; i < 10; i++) {
            now.addAndGet(InlineWhenQuiet.QUIET_NANOS / 2);
            executor.execute(() -> ranInline.add("burst"));
        }
        assertEquals(List.of("first"), ranInline, "each flush came soon after the previous one");
        assertEquals(10, handedOver.size());
    }
}
