package dev.easel.app.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./easel bench app}: canvas frame times with 10,000 visible nodes, one JSON line per figure. */
@Command(name = "app", mixinStandardHelpOptions = true,
        description = {"Canvas frame times with 10,000 visible nodes.",
            "App canvas figures on the software pipeline, 10,000 visible nodes: frame time while",
            "dragging one node (app.drag_frame_ms_p99), while panning (app.pan_frame_ms_p99), and a zoom change",
            "that redraws everything (app.full_redraw_ms). Runs headless on Monocle when it is on the class",
            "path. One JSON line per figure on stdout; progress on stderr."})
public final class AppBenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "A short run for smoke tests; its numbers are not the figures.")
    boolean quick;

    @Option(names = "--nodes", description = "Visible nodes on the canvas (default: ${DEFAULT-VALUE}).")
    int nodes = 10_000;

    @Override
    public Integer call() throws Exception {
        new AppBench(quick, nodes, System.out, System.err).run();
        return 0;
    }
}
