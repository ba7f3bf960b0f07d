package io.glomers.bench.check;

import io.glomers.bench.history.Op;
import java.util.List;

/**
 * The bench hands the finished history to one of these and reports what comes back. The bench's
 * checker is {@link SetFullHistoryChecker}, Jepsen's set-full ({@code io.glomers.bench.check}); tests
 * may pass their own.
 */
@FunctionalInterface
public interface HistoryChecker {

    CheckOutcome check(List<Op> history);
}
