package dev.easel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceUseTest {
    @Test
    void countsTheCollectionsAndTheCpuOfWhatItMeasured() {
        ResourceUse use = ResourceUse.start();
        long spin = System.nanoTime() + 50_000_000L;
        long sum = 0;
        while (System.nanoTime() < spin) {
            sum += Long.numberOfTrailingZeros(sum + System.nanoTime()); // work the CPU measures
        }
        System.gc();
        Map<String, Object> spent = use.sinceStart();
        assertTrue((Long) spent.get("gc_collections") >= 1, spent.toString());
        assertTrue((Double) spent.get("cpu_cores_busy") > 0.2, spent.toString());
        assertEquals(Runtime.getRuntime().availableProcessors(), spent.get("cores"));
        assertTrue(sum >= 0);
    }
}
