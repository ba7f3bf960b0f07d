package io.glomers.broadcast;

import io.glomers.runtime.EventLoop;
import java.util.function.LongFunction;

/**
 * A link's one timer and the moment it is due, set and cleared together. Event loop only.
 */
final class LinkTimer {

    private final Deadline due = new Deadline();
    private EventLoop.Cancellable timer;

    /** The timer went off. */
    void fired() {
        assert timer != null && due.isArmed() : "a link timer fired that was not set";
        timer = null;
        due.disarm();
    }

    /**
     * Sets the timer for {@code deadline} (not armed: cancels it); a timer already set for that
     * moment stays.
     *
     * @param start starts a timer after the given delay in milliseconds
     */
    void setFor(Deadline deadline, long now, LongFunction<EventLoop.Cancellable> start) {
        if (deadline.sameAs(due)) {
            return;
        }
        if (timer != null) {
            timer.cancel();
            timer = null;
            due.disarm();
        }
        if (deadline.isArmed()) {
            due.arm(deadline.at());
            timer = start.apply(Math.max(0, deadline.at() - now));
        }
        assert (timer != null) == due.isArmed() : "the timer and its deadline are set together";
    }
}
