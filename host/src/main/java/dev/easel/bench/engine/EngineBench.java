package dev.easel.bench.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.easel.engine.Engine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code ./easel bench engine}: the table engine's figures, one JSON line each on {@code out}, progress on
 * {@code err}. JMH runs the single-threaded throughput and the cold open (see {@link UpdateBench},
 * {@link OpenBench}); hand harnesses run what JMH cannot express (see {@link DurableBench}, {@link HeapBench}).
 */
public final class EngineBench {
    public static final int OPEN_ROWS = 100_000;
    /** The document size of a {@code --quick} run. */
    public static final int QUICK_ROWS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean quick;
    private final PrintStream out;
    private final PrintStream err;

    public EngineBench(boolean quick, PrintStream out, PrintStream err) {
        this.quick = quick;
        this.out = out;
        this.err = err;
    }

    public void run() throws Exception {
        Path dir = Files.createTempDirectory("easel-bench-engine");
        try {
            updates();
            durable(dir);
            openAndHeap(dir);
        } finally {
            deleteTree(dir);
        }
    }

    // ---- engine.update_tx_per_s, engine.update_tx_per_s_100subs ------------------------------------------

    private void updates() throws Exception {
        err.println("engine: update throughput (JMH, " + (quick ? "quick, in process" : "1 fork") + ")...");
        ChainedOptionsBuilder o = jmh(UpdateBench.class)
                .warmupIterations(quick ? 1 : 5)
                .warmupTime(TimeValue.milliseconds(quick ? 200 : 1000))
                .measurementIterations(quick ? 1 : 5)
                .measurementTime(TimeValue.milliseconds(quick ? 200 : 1000));
        Collection<RunResult> results = new Runner(o.build(),
                OutputFormatFactory.createFormatInstance(err, quick ? VerboseMode.SILENT : VerboseMode.NORMAL)).run();
        for (RunResult rr : results) {
            int subs = Integer.parseInt(rr.getParams().getParam("subscribers"));
            Result<?> primary = rr.getPrimaryResult();
            Map<String, Object> f = figure(subs == 0 ? "engine.update_tx_per_s" : "engine.update_tx_per_s_" + subs + "subs",
                    primary.getScore(), "tx/s");
            if (Double.isFinite(primary.getScoreError())) {
                f.put("error", round(primary.getScoreError()));
            }
            f.put("rows", UpdateBench.ROWS);
            f.put("columns", NodeTable.SCHEMA.table(NodeTable.TABLE).columnCount());
            f.put("subscribers", subs);
            if (subs > 0) {
                f.put("query", "SELECT * FROM node WHERE parent = 'frame_i' (one frame each)");
                Result<?> delivered = rr.getSecondaryResults().get("deltas");
                if (delivered != null) {
                    f.put("row_deltas_per_s", round(delivered.getScore()));
                }
            }
            f.put("reducer", "move: set x and y of a random node (two single-column writes)");
            f.put("engine", "in memory (no document file)");
            f.put("caller_threads", 1);
            f.put("harness", "JMH throughput, " + (quick ? "no fork" : "1 fork, 5x1s warmup, 5x1s measured"));
            emit(f);
        }
    }

    // ---- engine.durable_tx_per_s ----------------------------------------------------------------------------

    private void durable(Path dir) throws Exception {
        double warm = quick ? 0.3 : 3;
        double measure = quick ? 0.3 : 5;
        for (boolean sync : new boolean[] {true, false}) {
            err.println("engine: durable throughput, " + (sync ? "fsync per batch" : "no fsync") + "...");
            DurableBench.Result r = DurableBench.run(dir, sync, warm, measure);
            Map<String, Object> f = figure(sync ? "engine.durable_tx_per_s" : "engine.durable_tx_per_s_nofsync",
                    r.txPerSecond(), "tx/s");
            f.put("sync", sync ? "each group-commit batch forced to disk (fsync) before acknowledging"
                    : "batches written to the OS (survives a process kill, not a power cut)");
            f.put("caller_threads", DurableBench.THREADS);
            f.put("in_flight_per_thread", DurableBench.IN_FLIGHT);
            f.put("rows", UpdateBench.ROWS);
            f.put("reducer", "move: set x and y of a random node");
            f.put("acknowledged_total", r.acknowledged());
            f.put("verified_on_reopen", r.offsetOnDisk());
            f.put("measured_s", round(r.measuredNanos() / 1e9));
            emit(f);
        }
    }

    // ---- engine.open_ms_100k, engine.heap_bytes_per_row ---------------------------------------------------

    private void openAndHeap(Path dir) throws Exception {
        int rows = quick ? QUICK_ROWS : OPEN_ROWS;
        Path doc = dir.resolve("open-" + rows + ".easel");
        err.println("engine: writing a document of " + rows + " nodes...");
        long t0 = System.nanoTime();
        try (Engine e = NodeTable.engine().document(doc).open()) {
            NodeTable.load(e, NodeTable.rows(rows, 1), 1_000);
        }
        err.printf("engine: written in %.1f s (%d KiB)%n", (System.nanoTime() - t0) / 1e9, Files.size(doc) / 1024);

        int forks = quick ? 0 : 5;
        err.println("engine: opening it (JMH single shot, " + (quick ? "in process" : forks + " fresh JVMs") + ")...");
        ChainedOptionsBuilder o = jmh(OpenBench.class)
                .param("file", doc.toString())
                .timeUnit(TimeUnit.MILLISECONDS)
                .forks(forks)
                .warmupIterations(0)
                .measurementIterations(1);
        RunResult rr = new Runner(o.build(),
                OutputFormatFactory.createFormatInstance(err, quick ? VerboseMode.SILENT : VerboseMode.NORMAL))
                .runSingle();
        // One open per fork: the median resists a fork that shared the machine with something else.
        List<Double> opens = new ArrayList<>();
        for (BenchmarkResult br : rr.getBenchmarkResults()) {
            opens.add(br.getPrimaryResult().getScore());
        }
        Collections.sort(opens);
        double median = opens.size() % 2 == 1 ? opens.get(opens.size() / 2)
                : (opens.get(opens.size() / 2 - 1) + opens.get(opens.size() / 2)) / 2;
        Map<String, Object> f = figure("engine.open_ms_100k", median, "ms");
        f.put("rows", rows);
        f.put("file_kib", Files.size(doc) / 1024);
        f.put("opens", opens.size());
        f.put("mean", round(rr.getPrimaryResult().getScore()));
        f.put("min", round(opens.get(0)));
        f.put("max", round(opens.get(opens.size() - 1)));
        f.put("harness", quick ? "JMH single shot in process (quick)"
                : "JMH single shot, median of " + forks + " opens, each in a freshly started JVM (cold JIT)");
        if (!quick) {
            // For context, not the figure: the same open in a JVM that has opened the document before.
            RunResult warm = new Runner(jmh(OpenBench.class).param("file", doc.toString())
                    .timeUnit(TimeUnit.MILLISECONDS).forks(1).warmupIterations(3).measurementIterations(3).build(),
                    OutputFormatFactory.createFormatInstance(err, VerboseMode.NORMAL)).runSingle();
            f.put("warm_jvm_ms", round(warm.getPrimaryResult().getScore()));
        }
        f.put("values", NodeTable.VALUES);
        emit(f);

        err.println("engine: heap per row...");
        HeapBench.Result h = HeapBench.run(doc, rows);
        Map<String, Object> hf = figure("engine.heap_bytes_per_row", h.bytesPerRow(), "bytes");
        hf.put("rows", h.rows());
        hf.put("columns", NodeTable.SCHEMA.table(NodeTable.TABLE).columnCount());
        hf.put("retained_bytes", h.retainedBytes());
        hf.put("measured", "used heap after full GCs, before and after opening the document (rows, pk map, "
                + "2 hash indexes, store page cache)");
        hf.put("values", NodeTable.VALUES);
        emit(hf);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private ChainedOptionsBuilder jmh(Class<?> benchmark) {
        return new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
                .forks(quick ? 0 : 1)
                .threads(1)
                .shouldFailOnError(true)
                .timeUnit(TimeUnit.SECONDS)
                .verbosity(quick ? VerboseMode.SILENT : VerboseMode.NORMAL);
    }

    private static Map<String, Object> figure(String name, double value, String unit) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("figure", name);
        f.put("value", round(value));
        f.put("unit", unit);
        return f;
    }

    private static double round(double v) {
        return Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 100) / 100.0;
    }

    private void emit(Map<String, Object> figure) throws IOException {
        out.println(JSON.writeValueAsString(figure));
        out.flush();
        err.println("  " + figure.get("figure") + " = " + figure.get("value") + " " + figure.get("unit"));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(DurableBench::deleteQuietly);
        } catch (IOException ignored) {
            // a temp folder; the OS cleans up
        }
    }
}
