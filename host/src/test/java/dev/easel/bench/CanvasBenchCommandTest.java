package dev.easel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./easel bench canvas --quick} drags and undoes through a real session and prints both canvas figures as
 * JSON lines. A smoke test of the harness: a quick run's figures mean nothing.
 */
class CanvasBenchCommandTest {
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void quickRunPrintsEveryFigureAsJson() throws Exception {
        assertEquals(List.of("canvas.drag_gesture_ms", "canvas.undo_latency_us_p99"),
                BenchRun.figures("bench", "canvas", "--quick"));
    }
}
