package dev.easel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.engine.table.Row;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real process with SIGKILL while it writes a document, then reopens the file: every acknowledged
 * transaction is there, and no transaction is there in part. Several rounds on the same file, so a file that
 * was killed once is written and killed again.
 */
class CrashSafetyTest {
    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void killingTheWriterLosesNoAcknowledgedTransactionAndLeavesNoneInPart() throws Exception {
        Path file = dir.resolve("doc.easel");
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Set<Long> acknowledged = new HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            int killAfter = 20 + random.nextInt(500);
            acknowledged.addAll(runAndKill(file, round, killAfter));
            try (Engine e = CrashChild.engine(file).open()) {
                checkWhole(e, acknowledged, "seed " + seed + ", round " + round + ", killed after " + killAfter + " acks");
            }
        }
    }

    /** Starts the child, waits for {@code killAfter} acknowledgements, kills it, and returns every one it printed. */
    private Set<Long> runAndKill(Path file, int round, int killAfter) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path stderr = dir.resolve("child-" + round + ".err");
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), file.toString(), Long.toString(round * 1_000_000L))
                .redirectError(stderr.toFile())
                .start();
        Set<Long> acks = ConcurrentHashMap.newKeySet();
        CountDownLatch enough = new CountDownLatch(killAfter);
        Thread reader = new Thread(() -> readAcks(child, acks, enough), "crash-child-stdout");
        reader.start();
        try {
            boolean reached = enough.await(60, TimeUnit.SECONDS);
            assertTrue(reached, () -> "the child acknowledged only " + acks.size() + " transactions: "
                    + readQuietly(stderr));
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
        }
        // Lines printed before the kill are still in the pipe: they are acknowledgements too.
        reader.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        return acks;
    }

    private static void readAcks(Process child, Set<Long> acks, CountDownLatch enough) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("ack:") && line.endsWith(";")) {
                    acks.add(Long.parseLong(line.substring(4, line.length() - 1)));
                    enough.countDown();
                }
            }
        } catch (IOException e) {
            // The pipe broke with the process: what was read is what was acknowledged.
        }
    }

    /**
     * Every acknowledged transaction is in the file, each transaction is all there or not at all, and together
     * they form one serial history: the counter went 1, 2, ... with no gap, and the offset counts them.
     */
    private static void checkWhole(Engine e, Set<Long> acknowledged, String context) {
        Set<Object> entries = column(e.rows("entry"), 0);
        Set<Object> mirrors = column(e.rows("mirror"), 0);
        assertEquals(entries, mirrors, () -> "a transaction is there in part; " + context);
        List<Long> lost = acknowledged.stream().filter(n -> !entries.contains(n)).sorted().toList();
        assertTrue(lost.isEmpty(), () -> lost.size() + " acknowledged transactions lost, such as "
                + lost.subList(0, Math.min(10, lost.size())) + "; " + context);

        Row counter = e.find("counter", "total");
        long count = (Long) counter.get(1);
        assertEquals(entries.size(), count, context);
        assertTrue(entries.contains(counter.get(2)), context);
        assertEquals(LongStream.rangeClosed(1, count).boxed().collect(Collectors.toSet()), column(e.rows("mirror"), 1),
                () -> "the counter skipped or repeated a value; " + context);
        assertEquals(count, e.offset(), context);
    }

    private static Set<Object> column(List<Row> rows, int column) {
        return rows.stream().map(r -> r.get(column)).collect(Collectors.toSet());
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
