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
 * ({@code interpreter}), which is how a loaded machine runs fewer operations in the same time, and an
 * operation it waited for leaves {@code lag} late ({@link io.glomers.bench.sched.HostCosts#interpreterLag}):
 * real runs lose that on every operation, loaded or not.
 * <p>
 * Threads are picked as Jepsen's context picks them: from a counter that moves on by one with every
 * operation handed out, over every thread of the test, the nemesis's (last) included. The pick is the
 * first free client thread at or after the counter, else the first free one from the start; so when
 * the counter stands on the nemesis's slot, thread 0 gets the operation, and it gets two in every
 * n + 1 while all are free (real histories: processes 0 1 2 3 4 0 0 1 2 3 4 0 ..., and 0 1 1 2 when
 * 0 was busy; at 5 nodes a third of the operations go to n0). The nemesis's own operations move the
 * counter too ({@link #nemesisOperationIssued}). This rule predicts every pick in the real histories
 * kept (nemeses or not). The time limit counts from the first operation; an operation due at or
 * after it is never issued.
 */
public final class BroadcastGenerator {

    /**
     * Jepsen's interpreter thread needs a core to wake up and hand out an operation: on a busy
     * simulated host ({@link HostCpu}) it comes late, and the operation with it.
     */
    private static final Duration WAKE_UP = Duration.ofNanos(1_000);

    private final Scheduler scheduler;
    private final HostCpu.Worker interpreter;
    private final long lagNanos;
    private final Random random;
    private final List<ClientThread> threads;
    private final boolean[] busy;
    private double rate;
    private final Duration timeLimit;

    private long nextValue;
    private long cutoff;
    /** Jepsen's next-thread-index: 0 to n, where n is the nemesis thread's slot. */
    private int nextThreadIndex;
    private boolean generating;
    /** The due operation found every thread busy; the next completion issues it. */
    private boolean pending;
    private int inFlight;
    private CompletableFuture<Void> drained;

    public BroadcastGenerator(Scheduler scheduler, Random random, List<? extends ClientThread> processes, double rate,
                              Duration timeLimit, HostCpu.Worker interpreter, Duration lag) {
        this.scheduler = scheduler;
        this.interpreter = interpreter;
        this.lagNanos = lag.toNanos();
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

    /** From the next operation on, the clients send {@code perSecond} requests a second (the bench's {@code --rate-at}). */
    public void rate(double perSecond) {
        this.rate = perSecond;
    }

    /** Jepsen's interpreter handed the nemesis thread an operation: the thread counter moves on. */
    public void nemesisOperationIssued() {
        advanceThreadIndex();
    }

    private void advanceThreadIndex() {
        nextThreadIndex = (nextThreadIndex + 1) % (threads.size() + 1);
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
        long wait = (long) (random.nextDouble() * 2 * 1e9 / rate) + lagNanos;
        if (scheduler.nanoTime() + wait >= cutoff) {
            stopGenerating();
        } else {
            scheduler.schedule(Duration.ofNanos(wait), () -> interpreter.run(WAKE_UP, this::due));
        }
    }

    private int nextFreeThread() {
        for (int thread = nextThreadIndex; thread < threads.size(); thread++) {
            if (!busy[thread]) {
                return thread;
            }
        }
        for (int thread = 0; thread < Math.min(nextThreadIndex, threads.size()); thread++) {
            if (!busy[thread]) {
                return thread;
            }
        }
        return -1;
    }

    private void issue(int thread) {
        advanceThreadIndex();
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
