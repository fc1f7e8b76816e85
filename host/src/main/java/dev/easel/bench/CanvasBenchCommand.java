package dev.easel.bench;

import dev.easel.bench.canvas.CanvasBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./easel bench canvas}: canvas gestures and undo through real sessions, one JSON line per figure. */
@Command(name = "canvas", mixinStandardHelpOptions = true,
        description = {"Canvas gestures and undo through a real session.",
            "Canvas figures: a 200-step drag seen by 10 joiners, undo of a 50-node move.",
            "One JSON line per figure on stdout; progress on stderr."})
public final class CanvasBenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "A short run for smoke tests; its numbers are not the figures.")
    boolean quick;

    @Override
    public Integer call() throws Exception {
        new CanvasBench(quick, System.out, System.err).run();
        return 0;
    }
}
