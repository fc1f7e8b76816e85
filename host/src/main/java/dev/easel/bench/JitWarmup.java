package dev.easel.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.BooleanSupplier;

/**
 * Warms a benchmark up until it reaches the steady state a long-running host lives in. On two busy cores the
 * JIT's C2 compiler gets a small share of the CPU and takes tens of seconds to finish: after 1,000 warm-up moves
 * it was still compiling a third of the time, and durable transfers kept speeding up for 40 seconds (70k tx/s
 * at 10 s, 130k at 45 s). So a benchmark warms for a minimum time, then until two rounds in a row are settled:
 * the JIT spent under 1% of the round compiling, and the benchmark's own test of steadiness holds.
 */
public final class JitWarmup {
    /** One round of the benchmark's own workload. */
    public interface Round {
        void run() throws Exception;
    }

    private static final double SETTLED_SHARE = 0.01;
    private static final int SETTLED_ROUNDS = 2;

    private JitWarmup() {
    }

    /**
     * Runs rounds for at least {@code minSeconds}, then until two rounds in a row are settled (see above) and
     * {@code steady} holds after each, or {@code maxSeconds} have passed. Returns the seconds spent warming.
     */
    public static double run(Round round, double minSeconds, double maxSeconds, BooleanSupplier steady)
            throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean measurable = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        int settled = 0;
        while (true) {
            long compiling = measurable ? jit.getTotalCompilationTime() : 0;
            long roundStart = System.nanoTime();
            round.run();
            double wallMillis = (System.nanoTime() - roundStart) / 1e6;
            double compileMillis = measurable ? jit.getTotalCompilationTime() - compiling : 0;
            boolean settledRound = compileMillis < SETTLED_SHARE * wallMillis && steady.getAsBoolean();
            settled = settledRound ? settled + 1 : 0;
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (elapsed >= maxSeconds || (elapsed >= minSeconds && settled >= SETTLED_ROUNDS)) {
                return elapsed;
            }
        }
    }

    /** As {@link #run(Round, double, double, BooleanSupplier)} with no test of its own. */
    public static double run(Round round, double minSeconds, double maxSeconds) throws Exception {
        return run(round, minSeconds, maxSeconds, () -> true);
    }
}
