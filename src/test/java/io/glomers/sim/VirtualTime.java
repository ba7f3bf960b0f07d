package io.glomers.sim;

import java.util.PriorityQueue;

/**
 * One clock and one event queue for a whole simulated cluster. Events at the same instant run in
 * the order they were scheduled, so a run is a pure function of its inputs and its seed.
 */
public final class VirtualTime {

    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long now;
    private long sequence;

    public long now() {
        return now;
    }

    /** Schedules a task at an absolute time (never in the past). */
    public Event at(long timeMillis, Runnable task) {
        Event event = new Event(Math.max(timeMillis, now), sequence++, task);
        queue.add(event);
        return event;
    }

    public Event after(long delayMillis, Runnable task) {
        return at(now + Math.max(0, delayMillis), task);
    }

    /** Runs events in order until the clock would pass {@code timeMillis}; leaves the clock there. */
    public void runUntil(long timeMillis) {
        while (!queue.isEmpty() && queue.peek().time <= timeMillis) {
            Event next = queue.poll();
            if (!next.cancelled) {
                now = next.time;
                next.task.run();
            }
        }
        now = Math.max(now, timeMillis);
    }

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
