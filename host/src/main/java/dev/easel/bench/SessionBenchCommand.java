package dev.easel.bench;

import dev.easel.bench.session.SessionBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./easel bench session}: sessions over loopback WebSockets, one JSON line per figure. */
@Command(name = "session", mixinStandardHelpOptions = true,
        description = {"Real sessions over loopback WebSockets.",
            "Session figures over loopback WebSockets: move latency (10 and 50 joiners), bytes per",
            "move, joining a 100,000-node document, 100 cursors at 60 Hz, durable transfers from 64 joiners.",
            "One JSON line per figure on stdout; progress on stderr. Takes about two minutes."})
public final class SessionBenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "A short, smaller run for smoke tests; its numbers are not the figures.")
    boolean quick;

    @Option(names = "--only", split = ",", paramLabel = "PART",
            description = "Run only these parts: move, bytes, join, cursor, transfer.")
    java.util.Set<String> only = new java.util.HashSet<>();

    @Override
    public Integer call() throws Exception {
        new SessionBench(quick, only, System.out, System.err).run();
        return 0;
    }
}
