package io.glomers.bench.check;

import io.glomers.bench.check.SetFullChecker;
import io.glomers.bench.history.Op;
import java.util.List;

/** The bench's checker: Jepsen's set-full ({@link SetFullChecker}), adapted to the bench's seam. */
public final class SetFullHistoryChecker implements HistoryChecker {

    @Override
    public CheckOutcome check(List<Op> history) {
        return CheckOutcome.of(SetFullChecker.check(history));
    }
}
