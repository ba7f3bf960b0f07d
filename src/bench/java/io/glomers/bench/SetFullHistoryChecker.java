package io.glomers.bench;

import io.glomers.bench.check.EdnWriter;
import io.glomers.bench.check.Keyword;
import io.glomers.bench.check.ResultsEdn;
import io.glomers.bench.check.SetFullChecker;
import io.glomers.bench.check.WorkloadResult;
import io.glomers.bench.history.Op;
import java.util.List;
import java.util.TreeMap;

/** The bench's checker: Jepsen's set-full ({@link SetFullChecker}), adapted to the bench's seam. */
final class SetFullHistoryChecker implements HistoryChecker {

    @Override
    public CheckOutcome check(List<Op> history) {
        WorkloadResult result = SetFullChecker.check(history);
        Object workload = ResultsEdn.toEdn(result, null).get(Keyword.of("workload"));
        return new CheckOutcome(result.valid() != WorkloadResult.Validity.FALSE, result.lost(), result.stableCount(),
                result.neverReadCount(),
                result.stableLatencies() == null ? new TreeMap<>() : new TreeMap<>(result.stableLatencies()),
                EdnWriter.pretty(workload, 100).replace("\n", "\n           "));
    }
}
