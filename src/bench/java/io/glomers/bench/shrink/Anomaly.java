package io.glomers.bench.shrink;

import io.glomers.bench.run.BenchResult;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** How a run failed, as the shrinker compares failures: a smaller run must fail the same way. */
public enum Anomaly {
    /** Acknowledged values the final reads did not all hold (Jepsen's set-full :lost). */
    LOST,
    /** A node broke the protocol: a bad line, a reply to no request, an unknown destination... */
    PROTOCOL_VIOLATION,
    /** A node did not answer init or topology in time, or could not be restarted. */
    SETUP_FAILURE,
    /** The bench itself could not finish the run. */
    BENCH_FAILURE;

    /** Every way {@code result} failed; empty when it is valid. */
    public static Set<Anomaly> of(BenchResult result) {
        Set<Anomaly> found = EnumSet.noneOf(Anomaly.class);
        if (result.outcome() != null && !result.outcome().lost().isEmpty()) {
            found.add(LOST);
        }
        if (!result.violations().isEmpty()) {
            found.add(PROTOCOL_VIOLATION);
        }
        if (result.setupFailure() != null) {
            found.add(SETUP_FAILURE);
        }
        if (result.reasons().stream().anyMatch(reason -> reason.startsWith("bench failure"))) {
            found.add(BENCH_FAILURE);
        }
        return found;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
