package io.glomers.runtime;

import java.time.Duration;

/**
 * The one thread that owns node state, and the node's only source of time. Input, replies, timeouts
 * and timers all become tasks here, so handlers need no locks. Tests and the simulator swap in
 * their own implementation to run nodes on virtual time.
 */
public interface EventLoop {

    /** Milliseconds on this loop's clock; only differences are meaningful. */
    long currentTimeMillis();

    /** Runs the task on the loop, after the tasks already queued. */
    void execute(Runnable task);

    /** Runs the task on the loop once the delay has passed. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
