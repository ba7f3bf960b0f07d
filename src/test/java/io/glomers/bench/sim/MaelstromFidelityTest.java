package io.glomers.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.check.MaelstromRuns;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulator predicts real Maelstrom: our node under Maelstrom v0.2.4 on a 2-core machine
 * ({@code maelstrom-runs/node-3d-*}, 3d arguments, one run per profile) against the simulator with
 * the same arguments and profile, the mean over three seeds, within {@link Fidelity}'s tolerances.
 * Two setups of the same machine, one model: the nodes in one shared JVM (today's launcher, the
 * default costs) and a JVM per node (the runs of 2026-12-01, with that setup's costs). The seeds'
 * spread is a few percent of each figure (docs/bench.md, "Fidelity"), well inside the tolerances.
 */
class MaelstromFidelityTest {

    @ParameterizedTest
    @CsvSource({"fast, SHARED_JVM", "balanced, SHARED_JVM", "lean, SHARED_JVM",
            "fast, JVM_PER_NODE", "balanced, JVM_PER_NODE", "lean, JVM_PER_NODE"})
    void theSimulatorPredictsTheReferenceRun(String profile, ReferenceSetup setup) throws Exception {
        RunFigures real = RunFigures.ofMaelstromRun(MaelstromRuns.dir(setup.folder(profile)));
        List<RunFigures> runs = FidelityReport.simulate(profile, 1, 3, setup.costs().asOptions());
        RunFigures predicted = RunFigures.mean(runs);
        System.err.println("fidelity " + profile + " " + setup + ": " + Fidelity.compare(predicted, real));

        assertThat(Fidelity.misses(predicted, real)).as(profile + ": " + Fidelity.compare(predicted, real)).isEmpty();
    }
}
