package io.glomers.bench.workload;

import io.glomers.bench.sched.Scheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Maelstrom's broadcast generator on Jepsen's scheduling: {@code gen/mix} of broadcasts of 0, 1, 2,
 * ... and reads (a fair coin per operation), {@code gen/stagger} at 1/rate (each operation a uniform
 * random [0, 2/rate) after the previous one, so rate is the mean over all clients),
 * {@code gen/time-limit}, then {@code gen/phases} waits for what is in flight. An operation goes to
 * the client thread that has been free the longest (Jepsen's context hands out free threads in the
 * order they were freed: real histories show processes 0 1 2 3 4 0 ...); when none is free it waits
 * for the first one to free up, as Jepsen's generator does. The final phase is {@code gen/each-thread} one final read. Scheduler thread only.
 */
public final class BroadcastGenerator {

    /** An operation the generator produced; a broadcast's value is taken only when a client picks it up. */
    private record Pending(String f) {
    }

    private final Scheduler scheduler;
    private final Random random;
    private final List<ClientProcess> processes;
    private final double rate;
    private final Duration timeLimit;
    private final Deque<Pending> waiting = new ArrayDeque<>();
    private final Deque<ClientProcess> free = new ArrayDeque<>();

    private long nextValue;
    private boolean generating;
    private int inFlight;
    private CompletableFuture<Void> drained;

    public BroadcastGenerator(Scheduler scheduler, Random random, List<ClientProcess> processes, double rate,
                              Duration timeLimit) {
        this.scheduler = scheduler;
        this.random = random;
        this.processes = List.copyOf(processes);
        this.free.addAll(processes);
        this.rate = rate;
        this.timeLimit = timeLimit;
    }

    /** Runs the main phase; completes after the time limit, once every invoked operation has completed. */
    public CompletableFuture<Void> runMainPhase() {
        drained = new CompletableFuture<>();
        generating = true;
        scheduler.schedule(timeLimit, this::timeUp);
        scheduleNext();
        return drained;
    }

    private void scheduleNext() {
        Duration gap = Duration.ofNanos((long) (random.nextDouble() * 2 * 1e9 / rate));
        scheduler.schedule(gap, () -> {
            if (generating) {
                emit();
                scheduleNext();
            }
        });
    }

    private void emit() {
        Pending op = new Pending(random.nextBoolean() ? "broadcast" : "read");
        waiting.add(op);
        dispatch();
    }

    private void dispatch() {
        while (generating && !waiting.isEmpty() && !free.isEmpty()) {
            Pending op = waiting.poll();
            ClientProcess process = free.poll();
            inFlight++;
            Long value = "broadcast".equals(op.f()) ? nextValue++ : null;
            process.invoke(op.f(), value, false, () -> completed(process));
        }
    }

    private void completed(ClientProcess process) {
        inFlight--;
        free.add(process);
        dispatch();
        maybeDrained();
    }

    private void timeUp() {
        generating = false;
        // Operations the generator had not handed to a client yet never happen (gen/time-limit).
        waiting.clear();
        maybeDrained();
    }

    private void maybeDrained() {
        if (!generating && inFlight == 0) {
            drained.complete(null);
        }
    }

    /** Every client process performs one final read, all at once; completes when all have completed. */
    public CompletableFuture<Void> runFinalReads() {
        CompletableFuture<?>[] reads = processes.stream().map(process -> {
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
