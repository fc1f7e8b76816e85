package dev.easel.engine.schedule;

import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BiConsumer;

/**
 * Reducers due at a time or every interval, by the engine's clock. {@link #runDue} calls whatever is due;
 * a background thread calls it in production, tests with a manual clock call it themselves.
 */
public final class Scheduler {
    private record Job(long dueMicros, long seq, String reducer, Args args, long intervalMicros) {
    }

    private final Clock clock;
    private final BiConsumer<String, Args> runner;
    private final PriorityQueue<Job> jobs = new PriorityQueue<>(
            (a, b) -> a.dueMicros != b.dueMicros ? Long.compare(a.dueMicros, b.dueMicros) : Long.compare(a.seq, b.seq));
    private long seq;

    public Scheduler(Clock clock, BiConsumer<String, Args> runner) {
        this.clock = clock;
        this.runner = runner;
    }

    public synchronized void every(String reducer, long intervalMicros, Args args) {
        if (intervalMicros <= 0) {
            throw new IllegalArgumentException("interval must be positive");
        }
        jobs.add(new Job(clock.nowMicros() + intervalMicros, seq++, reducer, args, intervalMicros));
        notifyAll();
    }

    public synchronized void at(String reducer, long dueMicros, Args args) {
        jobs.add(new Job(dueMicros, seq++, reducer, args, 0));
        notifyAll();
    }

    /** Runs every job that is due by the clock now, each as its own transaction, and returns how many ran. */
    public int runDue() {
        List<Job> due = new ArrayList<>();
        synchronized (this) {
            long now = clock.nowMicros();
            while (!jobs.isEmpty() && jobs.peek().dueMicros <= now) {
                Job j = jobs.poll();
                due.add(j);
                if (j.intervalMicros > 0) {
                    long next = j.dueMicros + j.intervalMicros;
                    if (next <= now) {
                        next = now + j.intervalMicros;
                    }
                    jobs.add(new Job(next, seq++, j.reducer, j.args, j.intervalMicros));
                }
            }
        }
        for (Job j : due) {
            runner.accept(j.reducer, j.args);
        }
        return due.size();
    }

    /** Microseconds until the next job is due (by the clock), or {@code fallback} if none is scheduled. */
    public synchronized long microsUntilNext(long fallback) {
        if (jobs.isEmpty()) {
            return fallback;
        }
        return Math.max(0, jobs.peek().dueMicros - clock.nowMicros());
    }

    /** Waits (in real time, at most {@code maxMillis}) for the next job, then runs what is due. */
    public void waitAndRun(long maxMillis) throws InterruptedException {
        long waitMillis;
        synchronized (this) {
            waitMillis = Math.min(maxMillis, microsUntilNext(maxMillis * 1000) / 1000);
            if (waitMillis > 0) {
                wait(waitMillis);
            }
        }
        runDue();
    }
}
