package dev.easel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.easel.cli.EaselCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./easel bench engine --quick} runs end to end and prints one JSON line per figure, each with a positive
 * value. A smoke test of the harness, not of the numbers: a quick run's figures mean nothing.
 */
class EngineBenchCommandTest {
    private static final List<String> FIGURES = List.of("engine.update_tx_per_s", "engine.update_tx_per_s_100subs",
            "engine.durable_tx_per_s", "engine.durable_tx_per_s_nofsync", "engine.open_ms_100k",
            "engine.heap_bytes_per_row");

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void quickRunPrintsEveryFigureAsJson() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            exit = EaselCommand.commandLine().execute("bench", "engine", "--quick");
        } finally {
            System.setOut(original);
        }
        assertEquals(0, exit, "exit code");

        ObjectMapper json = new ObjectMapper();
        List<String> seen = new ArrayList<>();
        for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode figure = json.readTree(line); // every line on stdout is a figure
            String name = figure.path("figure").asText();
            assertTrue(figure.path("value").isNumber(), line);
            assertTrue(figure.path("value").asDouble() > 0, line);
            assertTrue(!figure.path("unit").asText().isEmpty(), line);
            seen.add(name);
        }
        assertEquals(FIGURES, seen);
    }
}
