package dev.easel.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time used by the threads that make a frame: the JavaFX application thread (our drawing calls) and
 * Prism's renderer thread (rasterizing them). Reported next to the wall-clock frame times, which on a shared
 * machine also count the time these threads wait for a core. -1 where the JVM cannot measure thread CPU time.
 */
final class FrameCpu {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<Long> ids = new ArrayList<>();
    private long startNanos;

    private FrameCpu(List<Thread> measured) {
        for (Thread t : measured) {
            ids.add(t.getId());
        }
    }

    /** The given JavaFX thread and every Prism renderer thread running now. */
    static FrameCpu ofRenderingThreads(Thread fxThread) {
        List<Thread> measured = new ArrayList<>();
        measured.add(fxThread);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                measured.add(t);
            }
        }
        return new FrameCpu(measured);
    }

    void start() {
        startNanos = total();
    }

    /** CPU nanoseconds since {@link #start()}, or -1 when not measurable. */
    long elapsedNanos() {
        long now = total();
        return now < 0 || startNanos < 0 ? -1 : now - startNanos;
    }

    private long total() {
        if (!threads.isThreadCpuTimeSupported()) {
            return -1;
        }
        if (!threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
        long sum = 0;
        for (long id : ids) {
            long t = threads.getThreadCpuTime(id);
            if (t < 0) {
                return -1;
            }
            sum += t;
        }
        return sum;
    }
}
