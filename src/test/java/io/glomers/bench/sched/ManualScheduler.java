package io.glomers.bench.sched;

import io.glomers.testing.VirtualTime;
import java.time.Duration;

/**
 * The bench's scheduler on virtual time for unit tests: nothing runs until {@link #advance} moves
 * the clock, then due tasks run in time order (ties in submission order) on the caller's thread.
 * Whole runs on virtual time use {@code io.glomers.bench.sim.VirtualScheduler}, which drives itself.
 */
public final class ManualScheduler implements Scheduler {

    private final VirtualTime time = new VirtualTime();

    @Override
    public long nanoTime() {
        return time.nanoTime();
    }

    @Override
    public void execute(Runnable task) {
        time.after(Duration.ZERO, task);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        return time.after(delay, task)::cancel;
    }

    /** Runs every task due within {@code duration}, moving the clock to each one's due time. */
    public void advance(Duration duration) {
        time.runFor(duration);
    }

    @Override
    public void shutdown() {
        time.clear();
    }
}
