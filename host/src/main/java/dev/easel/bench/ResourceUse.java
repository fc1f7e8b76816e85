package dev.easel.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the JVM spent while a figure was measured: CPU time (in cores busy on average, out of how many the machine
 * has) and garbage-collection pauses. On two shared cores a latency figure is as much about these as about the
 * code, so each measured figure carries them. Cores busy to the hundredth: comparing two builds' runs, a tenth
 * hid differences that mattered.
 */
public final class ResourceUse {
    private final long startNanos;
    private final long startCpuNanos;
    private final long startGcCount;
    private final long startGcMillis;

    private ResourceUse() {
        startNanos = System.nanoTime();
        startCpuNanos = processCpuNanos();
        long[] gc = gcTotals();
        startGcCount = gc[0];
        startGcMillis = gc[1];
    }

    /** Starts counting now. */
    public static ResourceUse start() {
        return new ResourceUse();
    }

    /**
     * Since {@link #start}: {@code cpu_cores_busy} (-1 where the JVM cannot tell), {@code cores},
     * {@code gc_collections} and {@code gc_ms} (the collectors' accumulated time, pauses for G1's young collections).
     */
    public Map<String, Object> sinceStart() {
        double wallNanos = Math.max(1, System.nanoTime() - startNanos);
        long cpu = processCpuNanos();
        long[] gc = gcTotals();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cpu_cores_busy", cpu < 0 || startCpuNanos < 0 ? -1 : Figures.hundredths((cpu - startCpuNanos) / wallNanos));
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("gc_collections", gc[0] - startGcCount);
        out.put("gc_ms", gc[1] - startGcMillis);
        return out;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static long[] gcTotals() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }
}
