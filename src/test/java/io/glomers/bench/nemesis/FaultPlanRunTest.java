package io.glomers.bench.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.run.BenchResult;
import io.glomers.bench.run.BenchRunner;
import io.glomers.bench.history.Op;
import io.glomers.bench.sim.SimRun;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run with --faults plays exactly its plan: the history's faults read back as the plan, and the node stays valid. */
class FaultPlanRunTest {

    private static final String PLAN = "partition@0.5-2=n0.n1/n2.n3.n4,kill@1-1.5=n3,pause@2.5-3=n1.n4,kill@3.5-6=n2";

    @Test
    void aRunPlaysItsPlanAndItsHistoryGivesThePlanBack() throws IOException {
        BenchResult run = simulate(PLAN);

        assertThat(run.valid()).as("%s", run.reasons()).isTrue();
        assertThat(FaultPlan.of(run.history(), 4_000)).as("the last kill lasts until the heal, at the time limit")
                .hasToString(PLAN.replace("kill@3.5-6=n2", "kill@3.5-4=n2"));
        List<Op> nemesis = run.history().stream().filter(op -> !op.isClient()).toList();
        assertThat(nemesis).extracting(Op::f).containsSubsequence("start-partition", "kill", "start", "stop-partition",
                "pause", "resume", "kill", "stop-partition", "start");
        assertThat(run.options().faults()).containsExactlyInAnyOrder(Fault.PARTITION, Fault.KILL, Fault.PAUSE);
    }

    @Test
    void aPlanReplaysBitForBit() throws IOException {
        assertThat(simulate(PLAN).history()).isEqualTo(simulate(PLAN).history());
    }

    @Test
    void anEmptyPlanIsNoFaults() throws IOException {
        BenchResult run = simulate("none");

        assertThat(run.history()).noneMatch(op -> !op.isClient());
        assertThat(run.options().faults()).isEmpty();
    }

    private static BenchResult simulate(String plan) throws IOException {
        return SimRun.simulate(List.of("3b", "--time-limit", "4", "--rate", "20", "--faults", plan, "--store-runs", "none"),
                5, "", List.of(), BenchRunner.defaultChecker(), true).bench();
    }
}
