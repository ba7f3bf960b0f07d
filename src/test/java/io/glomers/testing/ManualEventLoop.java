package io.glomers.testing;

import io.glomers.runtime.EventLoop;
import java.time.Duration;
import java.util.PriorityQueue;

/**
 * An event loop on virtual time for unit tests: nothing runs until the test calls
 * {@link #runPending()} or {@link #advance(Duration)}, so every interleaving is the test's choice.
 */
public class ManualEventLoop implements EventLoop {

    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long now;
    private long sequence;

    @Override
    public long currentTimeMillis() {
        return now;
    }

    @Override
    public void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Timer timer = new Timer(now + delay.toMillis(), sequence++, task);
        timers.add(timer);
        return () -> timers.remove(timer);
    }

    /** Runs everything that is due now, including what those tasks queue for now. */
    public void runPending() {
        while (!timers.isEmpty() && timers.peek().due() <= now) {
            timers.poll().task().run();
        }
    }

    /** Moves time forward, running each task at its due time in order. */
    public void advance(Duration duration) {
        long until = now + duration.toMillis();
        while (!timers.isEmpty() && timers.peek().due() <= until) {
            Timer next = timers.poll();
            now = Math.max(now, next.due());
            next.task().run();
        }
        now = until;
    }

    public int pendingTasks() {
        return timers.size();
    }

    private record Timer(long due, long sequence, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            return due != other.due ? Long.compare(due, other.due) : Long.compare(sequence, other.sequence);
        }
    }
}
