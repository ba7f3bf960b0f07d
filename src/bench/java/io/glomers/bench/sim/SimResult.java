package io.glomers.bench.sim;

import io.glomers.bench.run.BenchResult;
import java.time.Duration;

/**
 * One simulated run: the bench's result plus what only the simulator can see.
 *
 * @param convergence virtual time from the final heal until every node held every acknowledged value;
 *                    null when it did not happen within the recovery wait (or the run never healed)
 * @param wallNanos   wall time the run took
 */
public record SimResult(BenchResult bench, Duration convergence, long wallNanos) {

    public boolean valid() {
        return bench.valid();
    }

    /** "conv 123 ms", "conv none" (not within the recovery wait). */
    public String convergenceText() {
        return convergence == null ? "conv none" : "conv " + convergence.toMillis() + " ms";
    }
}
