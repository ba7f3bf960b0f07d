package io.glomers.frontier;

import io.glomers.bench.run.BenchResult;
import java.util.List;

/**
 * What the sweeps read from one checked run: servers msgs-per-op, Maelstrom's stable latency median
 * and maximum, whether the bench's checker found it valid, and the wall time the run took.
 */
public record Figures(double msgsPerOp, long medianMillis, long maxMillis, boolean valid, long wallMillis) {

    public static Figures of(BenchResult result, long wallMillis) {
        return new Figures(result.net().serversPerOp(), result.outcome().stableLatencies().get(0.5),
                result.outcome().stableLatencies().get(1.0), result.valid(), wallMillis);
    }

    /**
     * Several seeds' runs of one setting as one: the mean msgs-per-op, the worst median and maximum,
     * valid only if every run was, the wall time summed. An objective is then met by these figures
     * exactly when every run met it.
     */
    public static Figures worstOf(List<Figures> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to combine");
        }
        return new Figures(runs.stream().mapToDouble(Figures::msgsPerOp).average().orElseThrow(),
                runs.stream().mapToLong(Figures::medianMillis).max().orElseThrow(),
                runs.stream().mapToLong(Figures::maxMillis).max().orElseThrow(),
                runs.stream().allMatch(Figures::valid),
                runs.stream().mapToLong(Figures::wallMillis).sum());
    }
}
