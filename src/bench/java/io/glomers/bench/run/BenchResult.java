package io.glomers.bench.run;

import io.glomers.bench.check.CheckOutcome;
import io.glomers.bench.history.Op;
import io.glomers.bench.check.NetStats;
import io.glomers.bench.net.Violation;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one run.
 *
 * @param dir          where results.edn, history.edn, the journal and node logs were written; null when
 *                     the store policy kept nothing
 * @param net          Maelstrom's {@code :net}: message counts and the client operations invoked (the
 *                     divisor of msgs-per-op), final reads included
 * @param outcome      the checker's verdict on the workload (Maelstrom's {@code :workload}); null when the
 *                     run never got to a workload
 * @param setupFailure why init or topology failed, or null
 * @param reasons      why the run is invalid; empty when valid
 */
public record BenchResult(BenchOptions options, Path dir, List<Op> history, NetStats net,
                          CheckOutcome outcome, List<Violation> violations, String setupFailure, List<String> reasons) {

    public boolean valid() {
        return reasons.isEmpty();
    }

    /** Client operations invoked, final reads included: the divisor of msgs-per-op. */
    public long operations() {
        return net.clientOps();
    }
}
