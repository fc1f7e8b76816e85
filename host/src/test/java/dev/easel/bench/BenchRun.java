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
import picocli.CommandLine;

/**
 * Runs an {@code ./easel bench ...} command line in process and reads the figures it prints. The app's bench
 * test uses it too (the host's test jar), with the app's command line.
 */
public final class BenchRun {
    private BenchRun() {
    }

    /** The names of the figures {@code ./easel ARGS} printed, in order (see {@link #lines}). */
    static List<String> figures(String... args) throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode figure : lines(EaselCommand.commandLine(), args)) {
            names.add(figure.path("figure").asText());
        }
        return names;
    }

    /**
     * The figures a command line printed, after checking that it succeeded and that every line on stdout is a
     * figure: JSON with a name, a positive value and a unit.
     */
    public static List<JsonNode> lines(CommandLine commandLine, String... args) throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            exit = commandLine.execute(args);
        } finally {
            System.setOut(original);
        }
        assertEquals(0, exit, "exit code");

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> figures = new ArrayList<>();
        for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode figure = json.readTree(line);
            assertTrue(!figure.path("figure").asText().isEmpty(), line);
            assertTrue(figure.path("value").isNumber(), line);
            assertTrue(figure.path("value").asDouble() > 0, line);
            assertTrue(!figure.path("unit").asText().isEmpty(), line);
            figures.add(figure);
        }
        return figures;
    }
}
