package dev.easel.bench.canvas;

import dev.easel.bench.Figures;
import dev.easel.bench.JitWarmup;
import dev.easel.bench.ResourceUse;
import dev.easel.bench.session.BenchSessions;
import dev.easel.engine.Engine;
import dev.easel.engine.replica.ReplicaListener;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.Clock;
import dev.easel.engine.tx.Identity;
import dev.easel.host.canvas.Canvas;
import dev.easel.host.canvas.CanvasSchema;
import dev.easel.host.client.RemoteConnection;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * {@code ./easel bench canvas}: the canvas reducers through real sessions. A drag is begin_gesture, 200
 * move_nodes calls and end_gesture, pipelined as the app sends them; undo is timed call to result. Each part
 * warms up first until the JIT has settled (see {@link JitWarmup}), as the session figures do: a host runs for
 * hours, and a cold JVM's first seconds are not what its users live in.
 */
public final class CanvasBench {
    private static final int NODES = 2_000;
    private final boolean quick;
    private final Figures out;
    private final PrintStream err;

    public CanvasBench(boolean quick, PrintStream out, PrintStream err) {
        this.quick = quick;
        this.out = new Figures(out);
        this.err = err;
    }

    public void run() throws Exception {
        Engine engine = Canvas.engineBuilder(null, Clock.SYSTEM).open();
        Identity seeder = new Identity("bench-seeder");
        engine.call(seeder, "add_page", Args.of("id", "p1", "name", "Page 1")).join();
        for (int i = 0; i < NODES; i++) {
            engine.call(seeder, "create_node", Args.of("id", "n" + i, "kind", "rect", "page", "p1",
                    "x", (double) (i % 50) * 30, "y", (double) (i / 50) * 30, "w", 20.0, "h", 20.0)).join();
        }
        try (BenchSessions s = new BenchSessions(engine)) {
            RemoteConnection dragger = s.join(1, "SELECT * FROM node").get(0);
            List<RemoteConnection> watchers = s.join(10, "SELECT * FROM node");
            drag(dragger, watchers);
            undo(dragger);
        }
    }

    private void drag(RemoteConnection dragger, List<RemoteConnection> watchers) throws Exception {
        err.println("canvas: 200-step drags seen by 10 joiners...");
        int x = CanvasSchema.SCHEMA.require(CanvasSchema.NODE).columnIndex("x");
        CountDownLatch[] done = new CountDownLatch[1];
        double[] finalX = new double[1];
        for (RemoteConnection w : watchers) {
            w.replica().addListener(new ReplicaListener() {
                @Override
                public void onUpdate(TableSchema table, Row before, Row after) {
                    if (table.name().equals(CanvasSchema.NODE) && (Double) after.get(x) == finalX[0]) {
                        done[0].countDown();
                    }
                }
            });
        }
        int[] drags = {0};
        // One drag: nanoseconds from the first call until every joiner applied the last move.
        java.util.function.LongSupplier drag = () -> {
            int d = drags[0]++;
            String id = "n" + (d * 37 % NODES);
            finalX[0] = 10_000 + (d % 1000) * 1000 + 199;
            done[0] = new CountDownLatch(watchers.size());
            long start = System.nanoTime();
            dragger.call("begin_gesture", Map.of());
            for (int step = 0; step < 200; step++) {
                dragger.call("move_nodes", Map.of("moves", List.of(Map.of("id", id,
                        "x", 10_000.0 + (d % 1000) * 1000 + step, "y", (double) step))));
            }
            dragger.call("end_gesture", Map.of()).join();
            try {
                if (!done[0].await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("a drag did not reach every joiner");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return System.nanoTime() - start;
        };
        int measured = quick ? 5 : 50;
        Map<String, Object> params = new LinkedHashMap<>();
        Histogram h = warmAndTime(drag, measured, params);
        params.putAll(Map.of("steps", 200, "receivers", watchers.size(), "nodes", NODES, "drags", measured,
                "p99_ms", h.getValueAtPercentile(99) / 1e6,
                "measure", "median: first call to the last move applied in all 10 joiners' replicas"));
        out.emit("canvas.drag_gesture_ms", h.getValueAtPercentile(50) / 1e6, "ms", params);
    }

    private void undo(RemoteConnection editor) throws Exception {
        err.println("canvas: undo of a 50-node move...");
        int[] rounds = {0};
        // One round: a 50-node move, then its undo; nanoseconds from the undo call to its result.
        java.util.function.LongSupplier undo = () -> {
            int r = rounds[0]++;
            List<Object> moves = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                moves.add(Map.of("id", "n" + ((r * 50 + i) % NODES), "x", (double) (r % 1000), "y", (double) i));
            }
            editor.call("move_nodes", Map.of("moves", moves)).join();
            long start = System.nanoTime();
            editor.call("undo", Map.of()).join();
            return System.nanoTime() - start;
        };
        int measured = quick ? 20 : 1_000;
        Map<String, Object> params = new LinkedHashMap<>();
        Histogram h = warmAndTime(undo, measured, params);
        params.putAll(Map.of("moved_nodes", 50, "nodes", NODES, "rounds", measured,
                "p50_us", h.getValueAtPercentile(50) / 1000.0,
                "measure", "undo call to result, over a loopback session (in-memory document)"));
        out.emit("canvas.undo_latency_us_p99", h.getValueAtPercentile(99) / 1000.0, "us", params);
    }

    /**
     * Runs {@code round} until the JIT has settled (see {@link JitWarmup}), then {@code times} more, and returns
     * their durations; {@code params} gets the warm-up time and what the JVM spent on the timed rounds.
     */
    private Histogram warmAndTime(java.util.function.LongSupplier round, int times, Map<String, Object> params)
            throws Exception {
        double warmupSeconds = JitWarmup.run(round::getAsLong, quick ? 0.5 : 10, quick ? 2 : 60);
        Histogram h = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        ResourceUse use = ResourceUse.start();
        for (int i = 0; i < times; i++) {
            h.recordValue(round.getAsLong());
        }
        params.putAll(use.sinceStart());
        params.put("warmup_seconds", Figures.tenths(warmupSeconds));
        return h;
    }
}
