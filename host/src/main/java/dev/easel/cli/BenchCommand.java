package dev.easel.cli;

import dev.easel.bench.EngineBenchCommand;
import dev.easel.bench.SessionBenchCommand;
import dev.easel.bench.CanvasBenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./easel bench SUITE}: runs one benchmark suite and prints one JSON line per figure. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run benchmarks; each prints one JSON line per figure.",
        subcommands = {EngineBenchCommand.class, SessionBenchCommand.class, CanvasBenchCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
