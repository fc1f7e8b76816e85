package dev.easel.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.easel.app.Launcher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ./easel bench app --quick}: runs headless and prints the three figures as JSON lines. */
class AppBenchCommandTest {
    @Test
    void quickRunPrintsTheFigures() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int code;
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            code = Launcher.commandLine().execute("bench", "app", "--quick", "--nodes", "1000");
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, code);
        ObjectMapper json = new ObjectMapper();
        List<String> figures = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            figures.add(n.get("figure").asText());
            assertEquals("ms", n.get("unit").asText());
            assertTrue(n.get("value").isNumber() && n.get("value").asDouble() > 0, line);
            assertEquals(1000, n.get("nodes").asInt(), line);
        }
        assertEquals(List.of("app.drag_frame_ms_p99", "app.pan_frame_ms_p99", "app.full_redraw_ms"), figures);
    }
}
