package io.glomers.bench.sched;

import io.glomers.runtime.EventLoop;
import java.time.Duration;

/**
 * The bench's only source of time and its only thread of control. Every delivery delay, generator
 * tick, nemesis step, client timeout and the recovery wait is a task here, so that swapping this for
 * a virtual-time implementation makes a whole run deterministic. All tasks run one at a time, so the
 * bench's own state needs no locks; other threads (node output readers) hand work in via
 * {@link #execute}. Its tasks are called off as a node's are ({@link EventLoop.Cancellable}), so that
 * one virtual clock ({@link VirtualTime}) serves both.
 */
public interface Scheduler {

    /** Nanoseconds on this scheduler's clock; only differences are meaningful. */
    long nanoTime();

    /** Runs the task on the scheduler, after the tasks already due. Safe from any thread. */
    void execute(Runnable task);

    /** Runs the task on the scheduler once {@code delay} has passed on its clock. */
    EventLoop.Cancellable schedule(Duration delay, Runnable task);

    /** Stops running tasks (pending ones are dropped) and waits for the current one to finish. */
    void shutdown();
}
