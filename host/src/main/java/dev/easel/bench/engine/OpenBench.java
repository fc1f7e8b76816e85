package dev.easel.bench.engine;

import dev.easel.engine.Engine;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * engine.open_ms_100k: the time {@code Engine.builder(...).document(file).open()} takes for a document of
 * 100,000 nodes (read the file, decode every row, build the table and its indexes). JMH single-shot mode, one
 * open per freshly forked JVM, because a document is opened once, by a process that has just started: the
 * figure must include a cold JIT, not a loop-warmed one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OpenBench {
    /** The document to open; written beforehand by {@link EngineBench}. */
    @Param("")
    public String file;

    private Engine opened;

    @Benchmark
    public Engine open() {
        opened = NodeTable.engine().document(Path.of(file)).open();
        return opened;
    }

    @TearDown(Level.Invocation)
    public void close() {
        if (opened != null) {
            opened.close();
            opened = null;
        }
    }
}
