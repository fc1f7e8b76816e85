package dev.easel.host.canvas;

import dev.easel.engine.Engine;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.Identity;
import dev.easel.engine.tx.ManualClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTimingTest {
    @TempDir
    Path dir;

    @Test
    void timing() {
        Identity a = new Identity("a11ce0000000000000000000000000aa");
        try (Engine e = Canvas.engineBuilder(null, new ManualClock(1)).runScheduler(false).open()) {
            e.connect(a, Args.of("name", "A")).join();
            for (int i = 0; i < 2000; i++) {
                e.call(a, "create_node", Args.of("id", "n" + i, "kind", "rect", "page", "page-1", "x", 1.0 * i)).join();
            }
            for (int round = 0; round < 5; round++) {
                long t0 = System.nanoTime();
                e.call(a, "begin_gesture", Args.EMPTY).join();
                for (int i = 0; i < 200; i++) {
                    e.call(a, "move_nodes", Args.of("moves", List.of(Map.of("id", "n5", "x", 1.0 * i + round, "y", 2.0)))).join();
                }
                e.call(a, "end_gesture", Args.EMPTY).join();
                long t1 = System.nanoTime();
                List<Object> moves = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    moves.add(Map.of("id", "n" + (i * 7), "x", 3.0 + round, "y", 4.0));
                }
                e.call(a, "move_nodes", Args.of("moves", moves)).join();
                long t2 = System.nanoTime();
                e.call(a, "undo", Args.EMPTY).join();
                long t3 = System.nanoTime();
                System.out.printf("drag200 %.2f ms, move50 %.0f us, undo50 %.0f us%n", (t1 - t0) / 1e6, (t2 - t1) / 1e3, (t3 - t2) / 1e3);
            }
        }
    }
}
