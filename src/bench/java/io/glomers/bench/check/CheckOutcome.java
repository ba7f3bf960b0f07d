package io.glomers.bench.check;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a checker concluded about a history, in the terms of Maelstrom's {@code :workload} section.
 *
 * @param valid            nothing lost (Jepsen's set-full {@code :valid?})
 * @param lost             the lost values, ascending
 * @param stableCount      values that ended up stable
 * @param staleCount       stable values some read missed after they were acknowledged (latency above 0)
 * @param neverReadCount   acknowledged values no later read covered
 * @param stableLatencies  quantile (0, 0.5, 0.95, 0.99, 1) to milliseconds; empty when nothing is stable
 * @param workload         the {@code :workload} section of results.edn, as {@link ResultsEdn} writes it
 */
public record CheckOutcome(boolean valid, List<Long> lost, long stableCount, long staleCount, long neverReadCount,
                           SortedMap<Double, Long> stableLatencies, Map<Object, Object> workload) {

    /** The set-full checker's conclusion, ours or one read from Maelstrom's results.edn. */
    public static CheckOutcome of(WorkloadResult result) {
        return new CheckOutcome(result.valid() != WorkloadResult.Validity.FALSE, result.lost(), result.stableCount(), result.staleCount(),
                result.neverReadCount(),
                result.stableLatencies() == null ? new TreeMap<>() : new TreeMap<>(result.stableLatencies()),
                ResultsEdn.workload(result));
    }
}
