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

/** Runs an {@code ./easel bench ...} command line in process and reads the figures it prints. */
final class BenchRun {
    private BenchRun() {
    }

    /**
     * The names of the figures, in the order printed, after checking that the command succeeded and that every
     * line on stdout is a figure: JSON with a name, a positive value and a unit.
     */
    static List<String> figures(String... args) throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            exit = EaselCommand.commandLine().execute(args);
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
            JsonNode figure = json.readTree(line);
            assertTrue(figure.path("value").isNumber(), line);
            assertTrue(figure.path("value").asDouble() > 0, line);
            assertTrue(!figure.path("unit").asText().isEmpty(), line);
            seen.add(figure.path("figure").asText());
        }
        return seen;
    }
}
