package io.glomers.broadcast;

import io.glomers.runtime.EventLoop;
import java.util.function.LongFunction;

/**
 * A link's one timer and the moment it is due, set and cleared together. Event loop only.
 */
final class LinkTimer {

    /** No deadline: the timer is off. */
    static final long OFF = Long.MAX_VALUE;

    private long dueAt = PeerLink.NONE;
    private EventLoop.Cancellable timer;

    /** The timer went off. */
    void fired() {
        timer = null;
        dueAt = PeerLink.NONE;
    }

    /**
     * Sets the timer for {@code deadline} ({@link #OFF}: cancels it); a timer already set for that
     * moment stays.
     *
     * @param start starts a timer after the given delay in milliseconds
     */
    void setFor(long deadline, long now, LongFunction<EventLoop.Cancellable> start) {
        if (deadline == dueAt) {
            return;
        }
        if (timer != null) {
            timer.cancel();
            timer = null;
            dueAt = PeerLink.NONE;
        }
        if (deadline != OFF) {
            dueAt = deadline;
            timer = start.apply(Math.max(0, deadline - now));
        }
    }
}
