package io.glomers.bench.run;

import io.glomers.bench.check.CheckOutcome;
import io.glomers.bench.net.Violation;
import java.util.ArrayList;
import java.util.List;

/** Why a run is invalid, in the order a reader needs it: the bench, set-up, the protocol, lost values. */
final class Verdict {

    private Verdict() {
    }

    /**
     * @param benchFailures what stopped the bench itself (empty when nothing did)
     * @param setupFailure  why init or topology failed, or null
     * @param outcome       the checker's verdict, or null when it did not run
     */
    static List<String> reasons(List<String> benchFailures, String setupFailure, List<Violation> violations,
                                CheckOutcome outcome) {
        List<String> reasons = new ArrayList<>(benchFailures);
        if (setupFailure != null) {
            reasons.add(setupFailure);
        }
        if (!violations.isEmpty()) {
            reasons.add("protocol violation: " + violations.get(0)
                    + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        }
        if (outcome != null && !outcome.valid()) {
            List<Long> lost = outcome.lost();
            reasons.add("lost " + lost.size() + " value(s): " + lost.subList(0, Math.min(10, lost.size()))
                    + (lost.size() > 10 ? "..." : ""));
        }
        return List.copyOf(reasons);
    }
}
