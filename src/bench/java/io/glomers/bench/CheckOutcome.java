package io.glomers.bench;

import java.util.List;
import java.util.SortedMap;

/**
 * What a checker concluded about a history, in the terms of Maelstrom's {@code :workload} section.
 *
 * @param valid            nothing lost (Jepsen's set-full {@code :valid?})
 * @param lost             the lost values, ascending
 * @param stableCount      values that ended up stable
 * @param neverReadCount   acknowledged values no later read covered
 * @param stableLatencies  quantile (0, 0.5, 0.95, 0.99, 1) to milliseconds; empty when nothing is stable
 * @param workloadEdn      the {@code :workload} map, rendered as EDN
 */
public record CheckOutcome(boolean valid, List<Long> lost, long stableCount, long neverReadCount,
                           SortedMap<Double, Long> stableLatencies, String workloadEdn) {
}
