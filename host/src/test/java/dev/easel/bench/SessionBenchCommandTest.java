package dev.easel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./easel bench session --quick} hosts real sessions over loopback and prints every session figure as a
 * JSON line. A smoke test of the harness: a quick run's figures (a 20,000-node join, short runs) mean nothing.
 */
class SessionBenchCommandTest {
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void quickRunPrintsEveryFigureAsJson() throws Exception {
        assertEquals(List.of("session.move_latency_us_p50", "session.move_latency_us_p99",
                "session.move_latency_us_p99_50", "session.move_bytes", "session.move_bytes_json",
                "session.join_ms_20000", "session.cursor_latency_ms_p99", "session.transfer_tx_per_s"),
                BenchRun.figures("bench", "session", "--quick"));
    }
}
