package io.glomers.bench.check;

import io.glomers.bench.history.Op;
import java.util.List;

/**
 * The bench hands the finished history to one of these and reports what comes back. The bench's
 * checker is {@link #SET_FULL}; tests may pass their own.
 */
@FunctionalInterface
public interface HistoryChecker {

    /** Jepsen's set-full as Maelstrom runs it on the broadcast workload ({@link SetFullChecker}). */
    HistoryChecker SET_FULL = history -> CheckOutcome.of(SetFullChecker.check(history));

    CheckOutcome check(List<Op> history);
}
