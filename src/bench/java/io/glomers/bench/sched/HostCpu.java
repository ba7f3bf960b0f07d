package io.glomers.bench.sched;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The processor of the machine a simulated run stands for: a few cores shared by many threads
 * (Maelstrom's per-node reader and writer threads, each node's event loop). On virtual time the
 * bench and the nodes would otherwise compute in zero time, which keeps a cluster in lockstep:
 * every node answers the instant a message arrives, so all of them send at the same instants and
 * their messages all fall due together, a synchronisation real runs never show. Charging each step
 * its CPU cost, on few cores, spreads a burst of work over the time the machine needs for it.
 * <p>
 * A {@link Worker} is one thread: it does one job at a time, in the order given. A job waits for
 * its thread and for a core (non-preemptive, first come first served over the earliest free core),
 * and its effect happens when it ends. With no cores ({@link #unlimited()}) or a zero cost, work
 * happens at once. On the real-time scheduler the same model charges Maelstrom's own threads
 * ({@link HostCosts#REAL_TIME}): their cost is a delay on the wall clock, on modelled cores that the
 * real nodes do not use. Scheduler thread only.
 */
public final class HostCpu {

    private final Scheduler scheduler;
    /** When each core is next free, in scheduler nanoseconds; empty: no model, work is free. */
    private final long[] coreFree;

    private HostCpu(Scheduler scheduler, int cores) {
        this.scheduler = scheduler;
        this.coreFree = new long[cores];
        Arrays.fill(coreFree, Long.MIN_VALUE);
    }

    /** A machine of {@code cores} cores on the scheduler's clock. */
    public static HostCpu of(Scheduler scheduler, int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("a host needs at least one core, not " + cores);
        }
        return new HostCpu(scheduler, cores);
    }

    /** No model: every job's work runs at once (real time, or a simulation without costs). */
    public static HostCpu unlimited() {
        return new HostCpu(null, 0);
    }

    public Worker worker() {
        return new Worker();
    }

    /** One thread of the host. */
    public final class Worker {

        private long busyUntil = Long.MIN_VALUE;
        /** Work given while this thread wakes, in order; null when it is not waking. */
        private List<Runnable> waking;

        private Worker() {
        }

        /** Does {@code work} once this thread and a core have spent {@code cost} on it. */
        public void run(Duration cost, Runnable work) {
            run(Duration.ZERO, cost, work);
        }

        /**
         * Does {@code work} once this thread and a core have spent {@code cost} on it; a thread that
         * was idle first takes {@code wake} to get going, on the clock and not on a core (waking a
         * parked thread, cold caches): the cores serve other threads meanwhile, and work given to
         * this thread while it wakes follows in order. A busy thread goes on at once.
         */
        public void run(Duration wake, Duration cost, Runnable work) {
            if (coreFree.length == 0) {
                work.run();
                return;
            }
            if (waking != null) {
                waking.add(() -> reserve(cost, work));
                return;
            }
            if (busyUntil <= scheduler.nanoTime() && !wake.isZero()) {
                waking = new ArrayList<>(List.of(() -> reserve(cost, work)));
                scheduler.schedule(wake, () -> {
                    List<Runnable> woken = waking;
                    waking = null;
                    woken.forEach(Runnable::run);
                });
                return;
            }
            reserve(cost, work);
        }

        private void reserve(Duration cost, Runnable work) {
            long now = scheduler.nanoTime();
            if (cost.isZero() && busyUntil <= now) {
                work.run();
                return;
            }
            long ready = Math.max(now, busyUntil);
            int core = bestCore(ready);
            long end = Math.max(ready, coreFree[core]) + cost.toNanos();
            coreFree[core] = end;
            busyUntil = end;
            scheduler.schedule(Duration.ofNanos(end - now), work);
        }
    }

    /** A core already free when the job is ready (the one that freed last, to leave the others whole), else the first to free. */
    private int bestCore(long ready) {
        int best = -1;
        int earliest = 0;
        for (int core = 0; core < coreFree.length; core++) {
            if (coreFree[core] <= ready && (best < 0 || coreFree[core] > coreFree[best])) {
                best = core;
            }
            if (coreFree[core] < coreFree[earliest]) {
                earliest = core;
            }
        }
        return best >= 0 ? best : earliest;
    }
}
