package dev.easel.bench.engine;

import dev.easel.engine.Engine;
import dev.easel.engine.subscription.Subscription;
import dev.easel.engine.subscription.SubscriptionListener;
import dev.easel.engine.subscription.TableDelta;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.CallResult;
import dev.easel.engine.tx.TxInfo;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import java.util.concurrent.TimeUnit;

/**
 * engine.update_tx_per_s[_100subs]: one caller thread runs the {@code move} reducer (set x and y of a random
 * node of 2,000) on an in-memory engine, as fast as it can, and waits for each call's result. JMH fits: it is a
 * single-threaded, steady-state throughput of a small operation, exactly what its warmup, forking and dead-code
 * protection are for. Each call carries fresh arguments and new coordinates, so every call commits a change.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class UpdateBench {
    static final int ROWS = 2_000;
    private static final int RANDOM_IDS = 1 << 16;

    /** Subscribers, each to {@code SELECT * FROM node WHERE parent = 'frame_i'} for a different frame. */
    @Param({"0", "100"})
    public int subscribers;

    private Engine engine;
    private String[] ids;
    private int[] order;
    private int next;
    private long step;
    private long deltas;

    /** Deltas delivered to subscribers, reported by JMH as a secondary rate next to the calls. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Delivered {
        public long deltas;

        @Setup(Level.Iteration)
        public void reset() {
            deltas = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        engine = NodeTable.engine().open();
        NodeTable.load(engine, NodeTable.rows(ROWS, 42), 500);
        ids = NodeTable.ids(ROWS, 42);
        SplittableRandom r = new SplittableRandom(7);
        order = new int[RANDOM_IDS];
        for (int i = 0; i < order.length; i++) {
            order[i] = r.nextInt(ROWS);
        }
        SubscriptionListener counter = new SubscriptionListener() {
            @Override
            public void onSnapshot(Subscription s, long offset, List<Row> rows) {
            }

            @Override
            public void onDelta(Subscription s, TxInfo tx, TableDelta delta) {
                deltas += delta.size();
            }
        };
        int frames = ROWS / 20;
        for (int i = 0; i < subscribers; i++) {
            engine.subscribe(NodeTable.CALLER, "SELECT * FROM node WHERE parent = 'frame_" + (i % frames) + "'",
                    Map.of(), counter, Engine.SubscribeOptions.DEFAULT);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public CallResult move(Delivered delivered) {
        String id = ids[order[next++ & (RANDOM_IDS - 1)]];
        long s = ++step;
        // Fractional coordinates never used before, so every call changes its row and commits.
        double x = s * 0.5 + 0.25;
        double y = s * 0.25 + 0.125;
        CallResult r = engine.call(NodeTable.CALLER, "move", Args.of("id", id, "x", x, "y", y)).join();
        delivered.deltas += deltas;
        deltas = 0;
        return r;
    }
}
