package dev.easel.bench;

import dev.easel.bench.engine.EngineBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./easel bench engine}: the table engine's figures, one JSON line each on stdout. */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = {"The table engine in process.",
            "Table engine figures: update reducers per second (no subscribers and 100), durable",
            "commits per second (64 callers pipelining), opening a 100,000-node document, heap per row.",
            "One JSON line per figure on stdout; progress on stderr. Takes about two minutes."})
public final class EngineBenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "A short run (a few seconds): single short iterations, no forked JVMs, "
            + "a 10,000-node document. For smoke tests; its numbers are not the figures.")
    boolean quick;

    @Override
    public Integer call() throws Exception {
        new EngineBench(quick, System.out, System.err).run();
        return 0;
    }
}
