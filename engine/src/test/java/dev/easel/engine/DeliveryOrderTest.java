package dev.easel.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.CallResult;
import dev.easel.engine.tx.Identity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With many callers at once, every subscriber still sees whole transactions in offset order. */
class DeliveryOrderTest {
    private static final int THREADS = 4;
    private static final int CALLS_PER_THREAD = 100;

    @Test
    void concurrentCallsReachSubscribersWholeAndInOrder(@TempDir Path dir) throws Exception {
        try (Engine e = Fixtures.engine()
                .reducer("pair", (ctx, a) -> {
                    // Two rows per transaction, so a split transaction would show.
                    ctx.table("node").insert(Map.of("id", a.string("id") + "/1", "parent", a.string("parent")));
                    return ctx.table("node").insert(Map.of("id", a.string("id") + "/2", "parent", a.string("parent")));
                })
                .document(dir.resolve("doc.easel")).open()) {
            Identity me = new Identity("me");
            Fixtures.Recorder all = new Fixtures.Recorder();
            Fixtures.Recorder durable = new Fixtures.Recorder();
            Fixtures.Recorder f1 = new Fixtures.Recorder();
            e.subscribe(me, "SELECT * FROM node", all);
            e.subscribe(me, "SELECT * FROM node", Map.of(), durable, new Engine.SubscribeOptions(true, -1));
            e.subscribe(me, "SELECT * FROM node WHERE parent = 'f1'", f1);

            Map<Long, String> parentAt = new ConcurrentHashMap<>();
            List<CompletableFuture<CallResult>> calls = callConcurrently(e, parentAt);
            calls.forEach(CompletableFuture::join);
            int total = THREADS * CALLS_PER_THREAD;
            await().atMost(Duration.ofSeconds(10)).until(() -> durable.deltas().size() == total);

            List<Long> everyOffset = LongStream.rangeClosed(1, total).boxed().toList();
            assertEquals(everyOffset, all.offsets());
            assertEquals(everyOffset, durable.offsets());
            List<Long> f1Offsets = everyOffset.stream().filter(o -> parentAt.get(o).equals("f1")).toList();
            assertEquals(f1Offsets, f1.offsets());
            for (Fixtures.Recorder r : List.of(all, durable, f1)) {
                for (Fixtures.Recorder.Delta d : r.deltas()) {
                    // Both rows of the call the header names, and nothing else.
                    String tag = (String) d.tx().callTag();
                    assertEquals(List.of(tag + "/1", tag + "/2"), d.delta().inserts().stream().map(row -> row.get(0)).sorted().toList());
                }
            }
        }
    }

    /** Each thread makes its calls without waiting for earlier ones, all threads starting together. */
    private static List<CompletableFuture<CallResult>> callConcurrently(Engine e, Map<Long, String> parentAt)
            throws InterruptedException {
        List<CompletableFuture<CallResult>> calls = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<CompletableFuture<Void>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(CompletableFuture.runAsync(() -> {
                    awaitQuietly(start);
                    for (int i = 0; i < CALLS_PER_THREAD; i++) {
                        String id = thread + "-" + i;
                        String parent = i % 3 == 0 ? "f1" : "f2";
                        CompletableFuture<CallResult> call = e.call(new Identity("t" + thread), "pair",
                                Args.of("id", id, "parent", parent), id);
                        synchronized (calls) {
                            calls.add(call.thenApply(r -> {
                                parentAt.put(r.offset(), parent);
                                return r;
                            }));
                        }
                    }
                }, pool));
            }
            start.countDown();
            threads.forEach(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }
        return calls;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
