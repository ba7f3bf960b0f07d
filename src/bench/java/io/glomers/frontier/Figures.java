package io.glomers.frontier;

import io.glomers.bench.run.BenchResult;

/**
 * What the sweeps read from one checked run: servers msgs-per-op, Maelstrom's stable latency median
 * and maximum, whether the bench's checker found it valid, and the wall time the run took.
 */
public record Figures(double msgsPerOp, long medianMillis, long maxMillis, boolean valid, long wallMillis) {

    public static Figures of(BenchResult result, long wallMillis) {
        return new Figures(result.net().serversPerOp(), result.outcome().stableLatencies().get(0.5),
                result.outcome().stableLatencies().get(1.0), result.valid(), wallMillis);
    }
}
