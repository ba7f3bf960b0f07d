package io.glomers.testing;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * Virtual time for tests and the simulator: one clock and one event queue, in nanoseconds. Events at the same
 * instant run in the order they were scheduled, so a run is a pure function of its inputs and its
 * seed. Not thread-safe: one thread drives it.
 */
public final class VirtualTime {

    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long now;
    private long sequence;

    public long nanoTime() {
        return now;
    }

    public long currentTimeMillis() {
        return now / 1_000_000;
    }

    /** Schedules a task after a delay (a negative one counts as none). */
    public Event after(Duration delay, Runnable task) {
        Event event = new Event(now + Math.max(0, delay.toNanos()), sequence++, task);
        queue.add(event);
        return event;
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

    /** Runs events in order for {@code duration} from now; leaves the clock at the end. */
    public void runFor(Duration duration) {
        runUntil(Duration.ofNanos(now + duration.toNanos()));
    }

    public boolean isIdle() {
        return pending() == 0;
    }

    /** Drops every scheduled event. */
    public void clear() {
        queue.clear();
    }

    /** Scheduled events not yet run or cancelled. */
    public int pending() {
        return (int) queue.stream().filter(event -> !event.cancelled).count();
    }

    /** A scheduled task. */
    public static final class Event implements Comparable<Event> {
        private final long time;
        private final long sequence;
        private final Runnable task;
        private boolean cancelled;

        private Event(long time, long sequence, Runnable task) {
            this.time = time;
            this.sequence = sequence;
            this.task = task;
        }

        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Event other) {
            return time != other.time ? Long.compare(time, other.time) : Long.compare(sequence, other.sequence);
        }
    }
}
