package io.glomers.runtime;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

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

    /**
     * Computes {@code work} away from the loop and hands its result to {@code then} on the loop: a
     * computation that takes a while must not hold up the messages and timers queued behind it. By
     * default both run at once, on the caller, as they do on virtual time, where work costs no time.
     */
    default <T> void offload(Supplier<T> work, Consumer<T> then) {
        then.accept(work.get());
    }

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
