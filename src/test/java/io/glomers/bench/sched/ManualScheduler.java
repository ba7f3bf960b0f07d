package io.glomers.bench.sched;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * Virtual time for unit tests: nothing runs until {@link #advance} moves the clock, then due tasks
 * run in time order (ties in submission order) on the caller's thread. A first step towards
 * deterministic whole-run simulation.
 */
public final class ManualScheduler implements Scheduler {

    private record Task(long due, long sequence, Runnable body, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Long.compare(a.sequence, b.sequence));
    private long now;
    private long sequence;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        queue.add(new Task(now + delay.toNanos(), sequence++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Runs every task due within {@code duration}, moving the clock to each one's due time. */
    public void advance(Duration duration) {
        long end = now + duration.toNanos();
        while (!queue.isEmpty() && queue.peek().due <= end) {
            Task task = queue.poll();
            now = task.due;
            if (!task.cancelled[0]) {
                task.body.run();
            }
        }
        now = end;
    }

    @Override
    public void shutdown() {
        queue.clear();
    }
}
