package io.glomers.bench.nemesis;

import io.glomers.bench.sched.Scheduler;
import io.glomers.runtime.EventLoop;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Jepsen's flip-flop of a fault's start and stop, staggered as Maelstrom's nemeses are: the first
 * step as the workload starts, each next one a uniform [0, 2 x interval) after the previous one
 * began, or as soon as it has finished when it took longer ({@code gen/stagger} schedules from the
 * time an operation was issued, and the nemesis runs one operation at a time). The partition, kill
 * and pause nemeses each run their own flip-flop, so their steps interleave. Scheduler thread only.
 */
abstract class FlipFlop {

    private final Scheduler scheduler;
    private final Random random;
    private final Duration interval;

    private boolean faulty;
    private boolean running;
    private EventLoop.Cancellable pending = () -> { };
    /** Told of every step as it is issued (Jepsen's interpreter hands the nemesis thread an operation). */
    private Runnable issued = () -> { };
    /** The step under way: a restart waits for init_ok before the next step is scheduled. */
    private CompletableFuture<Void> current = CompletableFuture.completedFuture(null);

    FlipFlop(Scheduler scheduler, Random random, Duration interval) {
        this.scheduler = scheduler;
        this.random = random;
        this.interval = interval;
    }

    /** Injects the fault; completes when the fault is in place. */
    abstract CompletableFuture<Void> begin();

    /** Undoes the fault; completes when the nodes serve again (a restarted node answered init). */
    abstract CompletableFuture<Void> end();

    /** Who is told of each step as it is issued: the workload's thread picking counts nemesis operations too. */
    final void onEachStep(Runnable listener) {
        this.issued = listener;
    }

    /** The first step is at once, as under Jepsen's {@code gen/stagger} (real histories start the fault at time ~0). */
    public final void start() {
        running = true;
        pending = scheduler.schedule(Duration.ZERO, this::step);
    }

    /**
     * Whether {@link #stop()} undoes the fault even when none is in place (Maelstrom's final
     * generator issues stop-partition whatever the partition nemesis did last). No by default.
     */
    boolean endsOnStopEvenIfOff() {
        return false;
    }

    /**
     * Stops the schedule and undoes the fault if it is in place (or always, see
     * {@link #endsOnStopEvenIfOff()}), once the step under way has finished; completes when every
     * node serves again. Called before the recovery wait.
     */
    public final CompletableFuture<Void> stop() {
        running = false;
        pending.cancel();
        return current.thenCompose(v -> {
            if (!faulty && !endsOnStopEvenIfOff()) {
                return CompletableFuture.completedFuture(null);
            }
            faulty = false;
            return end();
        });
    }

    /** The next step, a uniform [0, 2 x interval) after {@code began}: at once if that time has passed. */
    private void scheduleStep(long began) {
        long stagger = (long) (random.nextDouble() * 2 * interval.toNanos());
        long wait = Math.max(0, began + stagger - scheduler.nanoTime());
        pending = scheduler.schedule(Duration.ofNanos(wait), this::step);
    }

    private void step() {
        if (!running) {
            return;
        }
        long began = scheduler.nanoTime();
        issued.run();
        current = faulty ? end() : begin();
        faulty = !faulty;
        current.thenRun(() -> {
            if (running) {
                scheduleStep(began);
            }
        });
    }
}
