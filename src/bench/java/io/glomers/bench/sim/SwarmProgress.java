package io.glomers.bench.sim;

import io.glomers.bench.console.StatusLine;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The swarm's status line on a terminal: runs done of the total, valid and failed so far, the worst
 * convergence, the elapsed time. Off a terminal the swarm's one line per run is its progress.
 */
public final class SwarmProgress {

    private final int runs;
    private final StatusLine status;
    private final LongSupplier clock;
    private final long started;
    private int done;
    private int failed;
    private long worstConvergenceMillis = -1;

    public SwarmProgress(int runs, StatusLine status, LongSupplier clock) {
        this.runs = runs;
        this.status = status;
        this.clock = clock;
        this.started = clock.getAsLong();
        status.show(text());
    }

    public void ran(SimResult result) {
        done++;
        failed += result.valid() ? 0 : 1;
        if (result.convergence() != null) {
            worstConvergenceMillis = Math.max(worstConvergenceMillis, result.convergence().toMillis());
        }
        status.show(text());
    }

    String text() {
        return String.format(Locale.ROOT, "sim: %d of %d runs, %d valid, %d failed, worst convergence %s, %.1f s",
                done, runs, done - failed, failed, worstConvergenceMillis < 0 ? "n/a" : worstConvergenceMillis + " ms",
                (clock.getAsLong() - started) / 1e9);
    }
}
