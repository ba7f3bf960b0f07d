package io.glomers.bench.maelstrom;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.run.BenchResult;
import io.glomers.bench.check.CheckOutcome;
import io.glomers.bench.check.EdnWriter;
import io.glomers.bench.check.HistoryReader;
import io.glomers.bench.check.Keyword;
import io.glomers.bench.check.MaelstromResults;
import io.glomers.bench.check.NetStats;
import io.glomers.bench.check.WorkloadResult;
import io.glomers.bench.history.Op;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A finished real Maelstrom run, read from its folder ({@code results.edn}, {@code history.edn}) into the
 * bench's {@link BenchResult}, so that the summary, the targets line and the exit status come out of the
 * same code as for a bench run. Every figure is Maelstrom's own: the verdict and the {@code :workload}
 * and {@code :net} sections are read, not recomputed.
 */
public final class MaelstromRunReader {

    private static final Keyword VALID = Keyword.of("valid?");

    private MaelstromRunReader() {
    }

    /** @param options the run's arguments, as the bench would have taken them (part, node count, targets, store) */
    public static BenchResult read(Path dir, BenchOptions options) {
        List<Op> history = HistoryReader.read(dir.resolve("history.edn"));
        Map<?, ?> results = MaelstromResults.read(dir.resolve("results.edn"));
        NetStats net = MaelstromResults.net(results, NetStats.clientOps(history));
        WorkloadResult workload = MaelstromResults.workload(results);
        return new BenchResult(options, dir, history, net, CheckOutcome.of(workload), List.of(), null,
                reasons(results, workload));
    }

    /** Why Maelstrom called the run invalid: each section whose {@code :valid?} is not true; empty when valid. */
    static List<String> reasons(Map<?, ?> results, WorkloadResult workload) {
        List<String> reasons = new ArrayList<>();
        if (Boolean.TRUE.equals(results.get(VALID))) {
            return reasons;
        }
        results.forEach((key, section) -> {
            if (section instanceof Map<?, ?> map && map.containsKey(VALID) && !Boolean.TRUE.equals(map.get(VALID))) {
                reasons.add("Maelstrom's " + EdnWriter.compact(key) + " is :valid? " + EdnWriter.compact(map.get(VALID))
                        + (key.equals(Keyword.of("workload")) && workload.lostCount() > 0
                        ? " (" + workload.lostCount() + " lost)" : ""));
            }
        });
        if (reasons.isEmpty()) {
            reasons.add("Maelstrom's :valid? is " + EdnWriter.compact(results.get(VALID)));
        }
        return reasons;
    }
}
