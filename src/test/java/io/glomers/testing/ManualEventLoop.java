package io.glomers.testing;

import io.glomers.runtime.EventLoop;
import java.time.Duration;

/**
 * An event loop on virtual time for unit tests: nothing runs until the test calls
 * {@link #runPending()} or {@link #advance(Duration)}, so every interleaving is the test's choice.
 */
public class ManualEventLoop implements EventLoop {

    private final VirtualTime time = new VirtualTime();

    @Override
    public long currentTimeMillis() {
        return time.currentTimeMillis();
    }

    @Override
    public void execute(Runnable task) {
        time.after(Duration.ZERO, task);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        return time.after(delay, task)::cancel;
    }

    /** Runs everything that is due now, including what those tasks queue for now. */
    public void runPending() {
        time.runFor(Duration.ZERO);
    }

    /** Moves time forward, running each task at its due time in order. */
    public void advance(Duration duration) {
        time.runFor(duration);
    }

    public int pendingTasks() {
        return time.pending();
    }
}
