package dev.easel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.CallResult;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.ReducerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Calls from many threads run one at a time, in order, and a caller never waits for another's call. */
class WriterQueueTest {
    private static final Schema SCHEMA = Schema.builder()
            .table("log", t -> t.column("n", ColumnType.I64).primaryKey("n").column("writer", ColumnType.STRING)
                    .column("seq", ColumnType.I64))
            .build();

    private final CountDownLatch insideSlowCall = new CountDownLatch(1);
    private final CountDownLatch finishSlowCall = new CountDownLatch(1);

    private Engine engine() {
        return Engine.builder(SCHEMA)
                .reducer("append", (ctx, a) -> {
                    long n = ctx.table("log").size();
                    ctx.table("log").insert(n, a.string("writer"), a.i64("seq"));
                    return n;
                })
                .reducer("slow", (ctx, a) -> {
                    insideSlowCall.countDown();
                    try {
                        finishSlowCall.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                })
                .reducer("fail", (ctx, a) -> {
                    throw new IllegalStateException("a reducer's own bug");
                })
                .open();
    }

    private static Args append(String writer, long seq) {
        return new Args(Map.of("writer", writer, "seq", seq));
    }

    @Test
    void aCallQueuedBehindARunningOneReturnsAtOnceAndRunsAfterIt() throws Exception {
        try (Engine engine = engine()) {
            CompletableFuture<CompletableFuture<CallResult>> slow = CompletableFuture.supplyAsync(
                    () -> engine.call(new Identity("a"), "slow", Args.EMPTY, null));
            assertTrue(insideSlowCall.await(10, TimeUnit.SECONDS));

            // This thread is not held up by the slow call: its own call is queued and the future returned.
            CompletableFuture<CallResult> queued = engine.call(new Identity("b"), "append", append("b", 1), null);
            assertFalse(queued.isDone(), "the queued call ran while the slow one held the writer");

            finishSlowCall.countDown();
            assertEquals(0L, queued.get(10, TimeUnit.SECONDS).value());
            assertTrue(slow.get(10, TimeUnit.SECONDS).isDone());
            assertTrue(slow.get().get().offset() < queued.get().offset(), "calls commit in the order they came");
        }
    }

    @Test
    void callsFromManyThreadsAllRunOnceInEachThreadsOrder() throws Exception {
        int threads = 8;
        int perThread = 500;
        try (Engine engine = engine()) {
            List<Thread> callers = new ArrayList<>();
            List<CompletableFuture<CallResult>> results = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < threads; t++) {
                String writer = "w" + t;
                callers.add(new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        results.add(engine.call(new Identity(writer), "append", append(writer, i), null));
                    }
                }));
            }
            callers.forEach(Thread::start);
            for (Thread t : callers) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            List<Row> log = new ArrayList<>(engine.rows("log"));
            assertEquals(threads * perThread, log.size());
            log.sort(java.util.Comparator.comparingLong(r -> (Long) r.get(0)));
            Map<String, Long> lastSeq = new java.util.HashMap<>();
            for (Row r : log) {
                long previous = lastSeq.getOrDefault((String) r.get(1), -1L);
                assertEquals(previous + 1, (Long) r.get(2), "each thread's calls run once, in its order");
                lastSeq.put((String) r.get(1), (Long) r.get(2));
            }
        }
    }

    @Test
    void aReducerThatThrowsFailsItsOwnCallOnly() throws Exception {
        try (Engine engine = engine()) {
            CompletableFuture<CallResult> failed = engine.call(new Identity("a"), "fail", Args.EMPTY, null);
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> failed.get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof ReducerException || e.getCause() instanceof IllegalStateException,
                    e.getCause().toString());
            assertEquals(0L, engine.call(new Identity("a"), "append", append("a", 0), null).get(10, TimeUnit.SECONDS).value());
        }
    }
}
