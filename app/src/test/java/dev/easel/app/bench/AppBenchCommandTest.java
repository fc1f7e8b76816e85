package dev.easel.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.app.Launcher;
import dev.easel.bench.BenchRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ./easel bench app --quick}: runs headless and prints the three figures as JSON lines. */
class AppBenchCommandTest {
    @Test
    void quickRunPrintsTheFigures() throws Exception {
        List<JsonNode> figures = BenchRun.lines(Launcher.commandLine(), "bench", "app", "--quick", "--nodes", "1000");
        for (JsonNode figure : figures) {
            assertEquals("ms", figure.get("unit").asText());
            assertEquals(1000, figure.get("nodes").asInt(), figure.toString());
        }
        assertEquals(List.of("app.drag_frame_ms_p99", "app.pan_frame_ms_p99", "app.full_redraw_ms"),
                figures.stream().map(f -> f.get("figure").asText()).toList());
    }
}
