package io.glomers.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.glomers.bench.check.MaelstromRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunFiguresTest {

    @Test
    void theStaleShareOfARealRunIsItsStaleCountOverItsStableCount() {
        // results.edn of these runs: 1023 of 1028 stable values stale at 3d's rate, none of 101 in a latency-0 run.
        RunFigures busy = RunFigures.ofMaelstromRun(MaelstromRuns.dir("node-3d-balanced"));
        RunFigures idle = RunFigures.ofMaelstromRun(MaelstromRuns.dir("b5"));

        assertThat(busy.staleShare()).isCloseTo(1023 / 1028.0, within(1e-9));
        assertThat(idle.staleShare()).isZero();
    }

    @Test
    void theMeanOfRunsAveragesTheirStaleShares() {
        RunFigures busy = RunFigures.ofMaelstromRun(MaelstromRuns.dir("node-3d-balanced"));
        RunFigures idle = RunFigures.ofMaelstromRun(MaelstromRuns.dir("b5"));

        assertThat(RunFigures.mean(List.of(busy, idle)).staleShare()).isCloseTo(busy.staleShare() / 2, within(1e-9));
    }
}
