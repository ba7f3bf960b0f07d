package io.glomers.bench.workload;

import io.glomers.bench.sched.HostCpu;
import io.glomers.bench.sched.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Maelstrom's broadcast generator as Jepsen's interpreter runs it: {@code gen/mix} of broadcasts of
 * 0, 1, 2, ... and reads (a fair coin per operation) under {@code gen/stagger (/ rate)} and
 * {@code gen/time-limit}, then, like {@code gen/phases}, a wait for what is in flight; the final
 * phase is {@code gen/each-thread} one final read. Scheduler thread only.
 * <p>
 * Pacing follows Jepsen's {@code Stagger}: the first operation goes out at once, and each next one is
 * due a uniform random [0, 2/rate) after the previous one <em>was issued</em>. An operation that
 * could not go out when due (no free thread, or a late clock) goes out as soon as it can, and the
 * next one counts from then: time lost is never made up, so slow clients (a node that keeps them
 * waiting) mean fewer operations per run, as in real Maelstrom histories. Nothing queues up: while
 * every thread is busy the one due operation waits ({@code :pending}).
 * <p>
 * Under the simulator's CPU model the interpreter waits for a core before it hands out an operation
 * ({@code interpreter}), which is how a loaded machine runs fewer operations in the same time.
 * <p>
 * Threads are picked round-robin: the first free thread after the one picked last (real histories
 * show processes 0 1 2 ... n-1 0 1 ..., skipping busy threads). The time limit counts from the first
 * operation; an operation due at or after it is never issued.
 */
public final class BroadcastGenerator {

    /**
     * Jepsen's interpreter thread needs a core to wake up and hand out an operation: on a busy
     * simulated host ({@link HostCpu}) it comes late, and the operation with it.
     */
    private static final Duration WAKE_UP = Duration.ofNanos(1_000);

    private final Scheduler scheduler;
    private final HostCpu.Worker interpreter;
    private final Random random;
    private final List<ClientThread> threads;
    private final boolean[] busy;
    private final double rate;
    private final Duration timeLimit;

    private long nextValue;
    private long cutoff;
    private int lastPicked = -1;
    private boolean generating;
    /** The due operation found every thread busy; the next completion issues it. */
    private boolean pending;
    private int inFlight;
    private CompletableFuture<Void> drained;

    public BroadcastGenerator(Scheduler scheduler, Random random, List<? extends ClientThread> processes, double rate,
                              Duration timeLimit, HostCpu.Worker interpreter) {
        this.scheduler = scheduler;
        this.interpreter = interpreter;
        this.random = random;
        this.threads = List.copyOf(processes);
        this.busy = new boolean[threads.size()];
        this.rate = rate;
        this.timeLimit = timeLimit;
    }

    /** Runs the main phase; completes once the time limit has passed and every invoked operation completed. */
    public CompletableFuture<Void> runMainPhase() {
        drained = new CompletableFuture<>();
        generating = true;
        cutoff = scheduler.nanoTime() + timeLimit.toNanos();
        due();
        return drained;
    }

    /** The next operation is due now (or overdue). */
    private void due() {
        if (!generating) {
            return;
        }
        int thread = nextFreeThread();
        if (thread < 0) {
            pending = true;
            return;
        }
        issue(thread);
        long gap = (long) (random.nextDouble() * 2 * 1e9 / rate);
        if (scheduler.nanoTime() + gap >= cutoff) {
            stopGenerating();
        } else {
            scheduler.schedule(Duration.ofNanos(gap), () -> interpreter.run(WAKE_UP, this::due));
        }
    }

    private int nextFreeThread() {
        for (int step = 1; step <= threads.size(); step++) {
            int thread = (lastPicked + step) % threads.size();
            if (!busy[thread]) {
                return thread;
            }
        }
        return -1;
    }

    private void issue(int thread) {
        lastPicked = thread;
        busy[thread] = true;
        inFlight++;
        boolean broadcast = random.nextBoolean();
        Long value = broadcast ? nextValue++ : null;
        threads.get(thread).invoke(broadcast ? "broadcast" : "read", value, false, () -> completed(thread));
    }

    private void completed(int thread) {
        busy[thread] = false;
        inFlight--;
        if (pending) {
            pending = false;
            if (scheduler.nanoTime() >= cutoff) {
                stopGenerating();
            } else {
                due();
            }
        }
        maybeDrained();
    }

    private void stopGenerating() {
        generating = false;
        pending = false;
        maybeDrained();
    }

    private void maybeDrained() {
        if (!generating && inFlight == 0 && !drained.isDone()) {
            drained.complete(null);
        }
    }

    /** Every client process performs one final read, all at once; completes when all have completed. */
    public CompletableFuture<Void> runFinalReads() {
        CompletableFuture<?>[] reads = threads.stream().map(process -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            process.invoke("read", null, true, () -> done.complete(null));
            return done;
        }).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(reads);
    }

    /** Broadcast values handed out so far. */
    public long broadcastCount() {
        return nextValue;
    }
}
