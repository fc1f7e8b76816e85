package dev.easel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./easel bench engine --quick} runs end to end and prints one JSON line per figure, each with a positive
 * value. A smoke test of the harness, not of the numbers: a quick run's figures mean nothing.
 */
class EngineBenchCommandTest {
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void quickRunPrintsEveryFigureAsJson() throws Exception {
        assertEquals(List.of("engine.update_tx_per_s", "engine.update_tx_per_s_100subs", "engine.durable_tx_per_s",
                "engine.durable_tx_per_s_nofsync", "engine.open_ms_100k", "engine.heap_bytes_per_row"),
                BenchRun.figures("bench", "engine", "--quick"));
    }
}
