package dev.easel.bench.session;

import dev.easel.bench.Figures;
import dev.easel.bench.JitWarmup;
import dev.easel.bench.ResourceUse;
import dev.easel.bench.engine.NodeTable;
import dev.easel.engine.Engine;
import dev.easel.engine.replica.ReplicaListener;
import dev.easel.engine.schema.ColumnType;
import dev.easel.engine.schema.Schema;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.host.client.RemoteConnection;
import dev.easel.host.protocol.CborCodec;
import dev.easel.host.protocol.Codec;
import dev.easel.host.protocol.JsonCodec;
import dev.easel.host.protocol.Message;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * {@code ./easel bench session}: real sessions over loopback WebSockets, clients and host in one JVM (so the
 * two cores serve both ends). Latencies are recorded in HdrHistograms; one JSON line per figure.
 */
public final class SessionBench {
    private final boolean quick;
    private final Figures out;
    private final PrintStream err;

    private final java.util.Set<String> only;

    /** {@code only}: the parts to run (move, bytes, join, cursor, transfer); empty runs them all. */
    public SessionBench(boolean quick, java.util.Set<String> only, PrintStream out, PrintStream err) {
        this.quick = quick;
        this.only = only;
        this.out = new Figures(out);
        this.err = err;
    }

    public void run() throws Exception {
        if (wanted("move")) {
            moveLatency(10, "session.move_latency_us");
            moveLatency(50, "session.move_latency_us_p99_50");
        }
        if (wanted("bytes")) {
            moveBytes();
        }
        if (wanted("join")) {
            join100k();
        }
        if (wanted("cursor")) {
            cursors();
        }
        if (wanted("transfer")) {
            transfers();
        }
    }

    private boolean wanted(String part) {
        return only.isEmpty() || only.contains(part);
    }

    // ---- move latency --------------------------------------------------------------------------------------

    private void moveLatency(int receivers, String name) throws Exception {
        err.println("session: move latency with " + receivers + " receivers...");
        Engine engine = NodeTable.engine().open();
        List<Object[]> rows = NodeTable.rows(2_000, 1);
        NodeTable.load(engine, rows, 500);
        String[] ids = rows.stream().map(r -> (String) r[NodeTable.ID]).toArray(String[]::new);
        try (BenchSessions s = new BenchSessions(engine)) {
            RemoteConnection mover = s.join(1, "SELECT * FROM node").get(0);
            List<RemoteConnection> watchers = s.join(receivers, "SELECT * FROM node");
            // Receivers record from their own threads: a Recorder takes values without a lock.
            Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(10), 3);
            AtomicLong sentAt = new AtomicLong();
            AtomicLong expectedX = new AtomicLong();
            CountDownLatch[] arrived = new CountDownLatch[1];
            for (RemoteConnection w : watchers) {
                w.replica().addListener(new ReplicaListener() {
                    @Override
                    public void onUpdate(TableSchema table, Row before, Row after) {
                        if (((Double) after.get(NodeTable.X)).longValue() == expectedX.get()) {
                            recorder.recordValue(System.nanoTime() - sentAt.get());
                            arrived[0].countDown();
                        }
                    }
                });
            }
            SplittableRandom random = new SplittableRandom(7);
            long[] x = {100_000};
            Callable<Void> move = () -> {
                expectedX.set(++x[0]);
                arrived[0] = new CountDownLatch(receivers);
                sentAt.set(System.nanoTime());
                mover.call("move", Map.of("id", ids[random.nextInt(ids.length)], "x", (double) x[0], "y", 5.0));
                if (!arrived[0].await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("a move did not reach every joiner within 10 s");
                }
                return null;
            };
            int round = quick ? 100 : 250;
            double warmupSeconds = JitWarmup.run(() -> repeat(move, round), quick ? 0.5 : 10, quick ? 2 : 60);
            recorder.reset();
            int measured = quick ? 200 : 3_000;
            ResourceUse use = ResourceUse.start();
            repeat(move, measured);
            Histogram h = recorder.getIntervalHistogram();
            Map<String, Object> params = new LinkedHashMap<>(Map.of("receivers", receivers, "nodes", 2_000,
                    "moves", measured, "warmup_seconds", Figures.tenths(warmupSeconds), "encoding", "cbor",
                    "transport", "loopback WebSocket, host and joiners in one JVM"));
            params.putAll(use.sinceStart());
            if (receivers == 10) {
                out.emit("session.move_latency_us_p50", h.getValueAtPercentile(50) / 1000.0, "us", params);
                out.emit("session.move_latency_us_p99", h.getValueAtPercentile(99) / 1000.0, "us", params);
            } else {
                out.emit(name, h.getValueAtPercentile(99) / 1000.0, "us", params);
            }
        }
    }

    private static void repeat(Callable<Void> action, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            action.call();
        }
    }

    // ---- bytes per move ------------------------------------------------------------------------------------

    /** Encodes the exact {@code tx} a receiver gets for one move, after the connection has seen a few. */
    private void moveBytes() {
        List<Object[]> rows = NodeTable.rows(2_000, 1);
        String id = (String) rows.get(1234)[NodeTable.ID];
        for (Codec codec : new Codec[] {new CborCodec(), new JsonCodec()}) {
            long epoch = 1_780_000_000_000_000L;
            codec.encode(new Message.Welcome("c0ffee", "editor", "session", new Message.SchemaInfo(1, List.of()),
                    100_000, epoch, false));
            int size = 0;
            for (int i = 0; i < 3; i++) {
                Message.Tx tx = new Message.Tx(123_456 + i, epoch + 61_000_000L + i * 16_000L,
                        "9f86d081884c7d659a2feaa0c55ad015", "move", -1,
                        List.of(new Message.QueryUpdate(1, 0, List.of(),
                                List.of(new Message.ColumnUpdate(id, new int[] {NodeTable.X, NodeTable.Y},
                                        new Object[] {412.5 + i, 300.0})), List.of())));
                size = codec.encode(tx).length;
            }
            boolean binary = codec.binary();
            out.emit(binary ? "session.move_bytes" : "session.move_bytes_json", size, "bytes",
                    Map.of("encoding", binary ? "cbor" : "json", "message", "tx: one node, x and y changed",
                            "node_id", id));
        }
    }

    // ---- joining a large document --------------------------------------------------------------------------

    private void join100k() throws Exception {
        int n = quick ? 20_000 : 100_000;
        err.println("session: joining a " + n + "-node document...");
        Engine engine = NodeTable.engine().open();
        NodeTable.load(engine, NodeTable.rows(n, 3), 2_000);
        try (BenchSessions s = new BenchSessions(engine)) {
            s.join(1, "SELECT * FROM node"); // warm the code paths once
            Histogram h = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
            for (int i = 0; i < (quick ? 2 : 5); i++) {
                long start = System.nanoTime();
                RemoteConnection c = s.join(1, "SELECT * FROM node").get(0);
                h.recordValue(System.nanoTime() - start);
                if (c.replica().size("node") != n) {
                    throw new IllegalStateException("joined replica has " + c.replica().size("node") + " nodes");
                }
            }
            out.emit(quick ? "session.join_ms_" + n : "session.join_ms_100k", h.getValueAtPercentile(50) / 1e6, "ms",
                    Map.of("nodes", n, "measure", "median of joins: connect, handshake, subscribe, replica complete",
                            "max_ms", h.getMaxValue() / 1e6));
        }
    }

    // ---- cursors -------------------------------------------------------------------------------------------

    private static final Schema CURSOR_SCHEMA = Schema.builder()
            .table("cursor", t -> t.transientTable().column("identity", ColumnType.STRING).primaryKey("identity")
                    .column("x", ColumnType.F64, 0.0).column("sent", ColumnType.I64, 0L))
            .build();

    private void cursors() throws Exception {
        int clients = quick ? 20 : 100;
        int seconds = quick ? 3 : 30;
        err.println("session: " + clients + " cursors at 60 Hz for " + seconds + " s...");
        Engine engine = Engine.builder(CURSOR_SCHEMA)
                .reducer("set_cursor", (ctx, a) -> {
                    ctx.table("cursor").upsert(Row.of(ctx.caller().id(), a.f64("x"), a.i64("sent")));
                    return null;
                })
                .open();
        try (BenchSessions s = new BenchSessions(engine)) {
            List<RemoteConnection> cs = s.join(clients, "SELECT * FROM cursor");
            // Every client records what it sees from its own thread: a Recorder takes values without a lock.
            Recorder recorder = new Recorder(TimeUnit.MINUTES.toNanos(1), 3);
            List<CursorReceiver> receivers = new ArrayList<>();
            for (RemoteConnection c : cs) {
                CursorReceiver r = new CursorReceiver(recorder);
                receivers.add(r);
                c.replica().addListener(r);
            }
            // A warm-up storm first, until the JIT has compiled the hot paths and the host keeps pace with the
            // calls (the first seconds leave a backlog that takes a while to drain); then the measured storm.
            long base = engine.offset();
            long[] calls = {0};
            // Keeping pace: the host has committed all but one round of the calls made so far.
            double warmupSeconds = JitWarmup.run(() -> calls[0] += storm(cs, 1), quick ? 1 : 20, quick ? 2 : 90,
                    () -> calls[0] - (engine.offset() - base) <= cs.size());
            recorder.reset();
            receivers.forEach(CursorReceiver::reset);
            ResourceUse use = ResourceUse.start();
            // Second by second too: a p99 over the target can be a steady tail or a few bad seconds, which are
            // different problems.
            Histogram h = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
            List<Double> secondP99s = new ArrayList<>();
            long sent = storm(cs, seconds, () -> {
                Histogram second = recorder.getIntervalHistogram();
                h.add(second);
                secondP99s.add(second.getValueAtPercentile(99) / 1e6);
            });
            h.add(recorder.getIntervalHistogram());
            long applied = receivers.stream().mapToLong(CursorReceiver::received).sum();
            Map<String, Object> params = new LinkedHashMap<>(Map.of("clients", clients, "hz", 60, "seconds", seconds,
                    "warmup_seconds", Figures.tenths(warmupSeconds), "cursor_updates_sent", sent,
                    "row_updates_applied", applied, "p50_ms", h.getValueAtPercentile(50) / 1e6,
                    "note", "updates to the same cursor merge when a client falls behind; receivers in the same JVM"));
            params.put("worst_second_p99_ms", secondP99s.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            params.put("seconds_p99_over_25_ms", secondP99s.stream().filter(p -> p > 25).count());
            params.putAll(use.sinceStart());
            out.emit("session.cursor_latency_ms_p99", h.getValueAtPercentile(99) / 1e6, "ms", params);
        }
    }

    /**
     * Records how long each cursor update took to reach one client. Each client counts on its own: a counter
     * shared by a hundred clients was 4% of the storm's CPU samples, measuring rather than what is measured.
     */
    private static final class CursorReceiver implements ReplicaListener {
        private final Recorder recorder;
        private volatile long received;

        CursorReceiver(Recorder recorder) {
            this.recorder = recorder;
        }

        @Override
        public void onUpdate(TableSchema table, Row before, Row after) {
            long sent = (Long) after.get(2);
            recorder.recordValue(Math.max(0, System.nanoTime() - sent));
            received++; // a client reads one frame at a time, so only one thread writes it at once
        }

        void reset() {
            received = 0;
        }

        long received() {
            return received;
        }
    }

    /** Every client calls set_cursor 60 times a second for {@code seconds}; returns how many calls it made. */
    private static long storm(List<RemoteConnection> cs, int seconds) throws InterruptedException {
        return storm(cs, seconds, () -> { });
    }

    /** The same, running {@code everySecond} on this thread after each second's 60 rounds of calls. */
    private static long storm(List<RemoteConnection> cs, int seconds, Runnable everySecond)
            throws InterruptedException {
        long periodNanos = 1_000_000_000L / 60;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long tick = System.nanoTime();
        long sent = 0;
        for (int round = 1; System.nanoTime() < end; round++) {
            for (RemoteConnection c : cs) {
                c.call("set_cursor", Map.of("x", (double) (sent % 1000), "sent", System.nanoTime()));
                sent++;
            }
            if (round % 60 == 0) {
                everySecond.run();
            }
            tick += periodNanos;
            long wait = tick - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        return sent;
    }

    // ---- durable transfers -------------------------------------------------------------------------------------

    private static final Schema ACCOUNT_SCHEMA = Schema.builder()
            .table("account", t -> t.column("id", ColumnType.I64).primaryKey("id").column("balance", ColumnType.I64, 0L))
            .build();

    private void transfers() throws Exception {
        int accounts = 100_000;
        int clients = quick ? 8 : 64;
        int inFlight = 40;
        err.println("session: durable transfers, " + clients + " joiners x " + inFlight + " in flight...");
        Path dir = Files.createTempDirectory("easel-bench-session");
        Engine engine = Engine.builder(ACCOUNT_SCHEMA)
                .document(dir.resolve("accounts.easel"))
                .reducer("open_accounts", (ctx, a) -> {
                    for (long i = a.i64("from"); i < a.i64("to"); i++) {
                        ctx.table("account").insert(i, 1_000L);
                    }
                    return null;
                })
                .reducer("transfer", (ctx, a) -> {
                    long from = a.i64("from");
                    long to = a.i64("to");
                    long amount = a.i64("amount");
                    var t = ctx.table("account");
                    Row f = t.require(from);
                    Row g = t.require(to);
                    if ((Long) f.get(1) < amount) {
                        throw dev.easel.engine.tx.ReducerException.badArgument("insufficient funds");
                    }
                    t.set(from, 1, (Long) f.get(1) - amount);
                    t.set(to, 1, (Long) g.get(1) + amount);
                    return null;
                })
                .open();
        for (int i = 0; i < accounts; i += 10_000) {
            engine.call(dev.easel.engine.tx.Identity.SYSTEM, "open_accounts", Args.of("from", (long) i, "to", (long) i + 10_000)).join();
        }
        try (BenchSessions s = new BenchSessions(engine)) {
            List<RemoteConnection> cs = s.join(clients, "SELECT * FROM account WHERE id = -1");
            AtomicLong acked = new AtomicLong();
            java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < cs.size(); c++) {
                RemoteConnection conn = cs.get(c);
                SplittableRandom random = new SplittableRandom(c);
                Thread t = new Thread(() -> {
                    Semaphore slots = new Semaphore(inFlight);
                    while (running.get()) {
                        slots.acquireUninterruptibly();
                        conn.call("transfer", Map.of("from", (long) random.nextInt(accounts),
                                "to", (long) random.nextInt(accounts), "amount", 1L)).whenComplete((r, e) -> {
                                    if (e == null) {
                                        acked.incrementAndGet();
                                    }
                                    slots.release();
                                });
                    }
                    slots.acquireUninterruptibly(inFlight);
                }, "transfer-" + c);
                threads.add(t);
                t.start();
            }
            double warmupSeconds = JitWarmup.run(() -> TimeUnit.SECONDS.sleep(1), quick ? 1 : 45, quick ? 2 : 90);
            long before = acked.get();
            long measureStart = System.nanoTime();
            ResourceUse use = ResourceUse.start();
            TimeUnit.SECONDS.sleep(quick ? 2 : 10);
            long after = acked.get();
            double seconds = (System.nanoTime() - measureStart) / 1e9;
            Map<String, Object> resources = use.sinceStart();
            running.set(false);
            for (Thread t : threads) {
                t.join();
            }
            Map<String, Object> params = new LinkedHashMap<>(Map.of("joiners", clients, "in_flight_each", inFlight,
                    "accounts", accounts, "warmup_seconds", Figures.tenths(warmupSeconds),
                    "acknowledged", "after durable commit (fsync per group-commit batch)", "measured_s", seconds));
            params.putAll(resources);
            out.emit("session.transfer_tx_per_s", (after - before) / seconds, "tx/s", params);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
