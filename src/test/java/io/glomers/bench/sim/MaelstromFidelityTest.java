package io.glomers.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.check.MaelstromRuns;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulator predicts real Maelstrom: our node under Maelstrom v0.2.4 on a 2-core machine
 * ({@code maelstrom-runs/node-3d-*}, 3d arguments, one run per profile) against the simulator with
 * the same arguments and profile, the mean over three seeds, within {@link Fidelity}'s tolerances.
 * The seeds' spread is a few percent of each figure (docs/bench.md, "Fidelity"), well inside them.
 */
class MaelstromFidelityTest {

    @ParameterizedTest
    @ValueSource(strings = {"fast", "balanced", "lean"})
    void theSimulatorPredictsTheReferenceRun(String profile) throws Exception {
        RunFigures real = RunFigures.ofMaelstromRun(MaelstromRuns.dir("node-3d-" + profile));
        List<RunFigures> runs = FidelityReport.simulate(profile, 1, 3, List.of());
        RunFigures predicted = RunFigures.mean(runs);
        System.err.println("fidelity " + profile + ": " + Fidelity.compare(predicted, real));

        assertThat(Fidelity.misses(predicted, real)).as(profile + ": " + Fidelity.compare(predicted, real)).isEmpty();
    }
}
