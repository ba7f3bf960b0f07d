package io.glomers.bench.sched;

import io.glomers.runtime.EventLoop;
import java.time.Duration;
import java.util.PriorityQueue;

/**
 * Virtual time: one clock and one event queue, in nanoseconds, for the simulator and for every unit
 * test. Events at the same instant run in the order they were scheduled, so a run is a pure function
 * of its inputs and its seed. Nothing runs until the caller moves the clock ({@link #advance},
 * {@link #runPending}, {@link #runUntil}, {@link #runNext}), so every interleaving is its choice.
 *
 * <p>It is a node's {@link EventLoop} and the bench's {@link Scheduler} at once, with one
 * {@link EventLoop.Cancellable}: a unit test hands it to either side as it is. The simulator wraps
 * it ({@code VirtualEventLoop} adds kill and pause, {@code VirtualScheduler} a driver thread). Not
 * thread-safe: one thread drives it.
 */
public final class VirtualTime implements EventLoop, Scheduler {

    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long now;
    private long sequence;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public long currentTimeMillis() {
        return now / 1_000_000;
    }

    /** Schedules a task after a delay (a negative one counts as none). */
    public Event after(Duration delay, Runnable task) {
        Event event = new Event(now + Math.max(0, delay.toNanos()), sequence++, task);
        queue.add(event);
        return event;
    }

    @Override
    public void execute(Runnable task) {
        after(Duration.ZERO, task);
    }

    @Override
    public Event schedule(Duration delay, Runnable task) {
        return after(delay, task);
    }

    /** Runs the next event, moving the clock to it; false when nothing is queued. */
    public boolean runNext() {
        Event next = queue.poll();
        while (next != null && next.cancelled) {
            next = queue.poll();
        }
        if (next == null) {
            return false;
        }
        now = next.time;
        next.task.run();
        return true;
    }

    /** Runs events in order until the clock reaches {@code since start}; leaves the clock there. */
    public void runUntil(Duration sinceStart) {
        long end = sinceStart.toNanos();
        while (!queue.isEmpty() && queue.peek().time <= end) {
            runNext();
        }
        now = Math.max(now, end);
    }

    /** Runs events in order for {@code duration} from now, each at its due time; leaves the clock at the end. */
    public void advance(Duration duration) {
        runUntil(Duration.ofNanos(now + duration.toNanos()));
    }

    /** Runs everything that is due now, including what those tasks queue for now. */
    public void runPending() {
        advance(Duration.ZERO);
    }

    /** Drops every scheduled event. */
    @Override
    public void shutdown() {
        queue.clear();
    }

    /** Scheduled events not yet run or cancelled. */
    public int pending() {
        return (int) queue.stream().filter(event -> !event.cancelled).count();
    }

    /** A scheduled task. */
    public static final class Event implements Comparable<Event>, EventLoop.Cancellable {
        private final long time;
        private final long sequence;
        private final Runnable task;
        private boolean cancelled;

        private Event(long time, long sequence, Runnable task) {
            this.time = time;
            this.sequence = sequence;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Event other) {
            return time != other.time ? Long.compare(time, other.time) : Long.compare(sequence, other.sequence);
        }
    }
}
