package io.glomers.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.sim.SimResult;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The adaptive default at two edges of its model found off the sweep's grid (docs/benchmarks.md, "Off the
 * grid"): few values and reads over long bounded hops, where one run's maximum is far from the next's, and
 * clients that run free at the workload's start, whose rates a plan of few messages then cuts tenfold.
 */
class AdaptiveEdgesTest {

    @TempDir
    Path store;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void onAFewReadsOverLongUniformHopsTheRunsMaximumStaysWithinTheObjective(long seed) throws IOException {
        // Rate 10 at 10 nodes: a read a node every three seconds; a star sent twice chosen at the edge of the
        // usual maximum ran to 626 ms on seed 1.
        SimResult run = AdaptiveReactionTest.simulate(store, seed, "3d", "--node-count", "10", "--latency", "200",
                "--latency-dist", "uniform", "--rate", "10");

        assertThat(run.valid()).as("valid: %s", run.bench().reasons()).isTrue();
        assertThat(run.bench().outcome().lost()).isEmpty();
        assertThat(run.bench().outcome().stableLatencies().get(1.0)).as("the run's maximum").isLessThan(600L);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 3})
    void clientsRunningFreeAtTheStartDoNotSendTheHubToAStarOfTwoLongHops(long seed) throws IOException {
        // 5 nodes, 400 ms constant, rate 500: the first look saw 95-200 values a second, nothing met, and the
        // closest plans included a star whose own sparse batches then held the clients back (794 and 893 ms).
        SimResult run = AdaptiveReactionTest.simulate(store, seed, "3d", "--node-count", "5", "--latency", "400",
                "--rate", "500");

        assertThat(run.valid()).as("valid: %s", run.bench().reasons()).isTrue();
        assertThat(run.bench().outcome().lost()).isEmpty();
        assertThat(AdaptiveReactionTest.hubPlans(run)).as("the hub's plans").noneMatch(plan -> plan.shape().startsWith("STAR"));
        assertThat(run.bench().outcome().stableLatencies().get(1.0)).as("the run's maximum").isLessThan(600L);
    }
}
