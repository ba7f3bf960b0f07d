package io.glomers.bench;

import io.glomers.bench.history.Op;
import java.util.List;

/**
 * THE CHECKER SEAM. The bench hands the finished history to one of these and reports what comes
 * back. {@link LocalSetChecker} is a stand-in until {@code io.glomers.bench.check.SetFullChecker}
 * lands; swapping it is one line in {@link BenchRunner#defaultChecker()}.
 */
@FunctionalInterface
public interface HistoryChecker {

    CheckOutcome check(List<Op> history);
}
