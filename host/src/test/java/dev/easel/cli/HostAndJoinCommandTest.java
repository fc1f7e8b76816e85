package dev.easel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code easel host FILE} and {@code easel join LINK --watch} as real processes talking over loopback. */
class HostAndJoinCommandTest {
    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
    }

    /** Starts the command line in a child JVM and streams its standard output, line by line. */
    private BlockingQueue<String> easel(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), EaselCommand.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("EASEL_HOME", dir.resolve("home-" + processes.size()).toString());
        Process p = pb.start();
        processes.add(p);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // The process ended.
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String await(BlockingQueue<String> lines, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
        }
        throw new AssertionError("the process did not print the expected line in time");
    }

    @Test
    void aHeadlessHostPrintsLinksAndAWatcherSeesTheDocument() throws Exception {
        BlockingQueue<String> host = easel("host", dir.resolve("doc.easel").toString(), "--port", "0",
                "--bind", "127.0.0.1", "--advertise", "127.0.0.1");
        String editor = await(host, l -> l.startsWith("editor link: ")).substring("editor link: ".length());
        String viewer = await(host, l -> l.startsWith("viewer link: ")).substring("viewer link: ".length());
        assertTrue(editor.startsWith("easel://127.0.0.1:"), editor);
        assertTrue(!editor.equals(viewer), "each role has its own link");

        BlockingQueue<String> watcher = easel("join", viewer, "--watch", "--name", "Watcher");
        String joined = await(watcher, l -> l.startsWith("joined "));
        assertTrue(joined.endsWith("(viewer)"), joined);
        // The document's first page and the watcher's own presence arrive as rows.
        await(watcher, l -> l.startsWith("  + page "));
        await(watcher, l -> l.startsWith("  + presence ") && l.contains("Watcher"));
    }

    @Test
    void aBadLinkIsRefusedWithAMessageNotAStackTrace() {
        assertEquals(2, EaselCommand.commandLine().execute("join", "http://example.invalid/not-a-link"));
    }
}
