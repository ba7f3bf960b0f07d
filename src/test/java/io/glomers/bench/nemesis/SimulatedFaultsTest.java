package io.glomers.bench.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.run.BenchResult;
import io.glomers.bench.run.BenchRunner;
import io.glomers.bench.options.RunArguments;
import io.glomers.bench.history.Op;
import io.glomers.bench.run.ResultsReport;
import io.glomers.bench.sim.SimRun;
import io.glomers.bench.sim.SimNodeFactory;
import io.glomers.bench.sim.VirtualScheduler;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Part 3c on virtual time with every nemesis at once: partitions, kills (restart, init again) and
 * pauses, over many seeds. Our node, journal on as the launcher runs it, must keep every value.
 */
class SimulatedFaultsTest {

    private static final int SEEDS = 20;

    @TempDir
    static Path journals;

    @TempDir
    Path store;

    @Test
    void everyNemesisAtOnceLosesNothingOverManySeeds() throws Exception {
        SimNodeFactory nodes = new SimNodeFactory("", "broadcast.journal.enabled=true",
                "broadcast.journal.dir=" + journals, "broadcast.journal.run-id=sim-faults");
        List<String> failures = new ArrayList<>();
        int kills = 0;
        int pauses = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            BenchResult result = run(nodes, seed);
            System.out.println(ResultsReport.summary(result));
            if (!result.valid()) {
                failures.add("seed " + seed + ": " + result.reasons());
            }
            assertEverythingBackBeforeTheFinalReads(result, seed);
            kills += (int) nemesis(result, "kill").count() / 2;
            pauses += (int) nemesis(result, "pause").count() / 2;
        }
        assertThat(failures).as("invalid runs (replay with the seed)").isEmpty();
        System.out.printf("3c --nemesis partition,kill,pause over %d seeds: all valid, %d kills, %d pauses%n",
                SEEDS, kills, pauses);
        assertThat(kills).as("kills over all seeds").isPositive();
        assertThat(pauses).as("pauses over all seeds").isPositive();
    }

    /** Restarted nodes draw their seeds from the run's: a seed replays a run with kills and pauses exactly. */
    @Test
    void aSeedReplaysARunWithKillsAndPauses() throws Exception {
        SimNodeFactory nodes = new SimNodeFactory("", "broadcast.journal.enabled=true",
                "broadcast.journal.dir=" + journals, "broadcast.journal.run-id=sim-faults");

        List<Op> first = run(nodes, 3).history();
        List<Op> second = run(nodes, 3).history();

        assertThat(first).anyMatch(op -> op.f().equals("start"));
        assertThat(second).isEqualTo(first);
    }

    /**
     * The acknowledgement journal is what keeps acknowledged values through kills: with it off, some
     * of the same seeds lose values (deterministic on virtual time; at the time of writing 6 of these
     * 10 did), so this test shows the kill nemesis can catch a node that forgets.
     */
    @Test
    void withoutTheJournalKillsLoseAcknowledgedValues() throws Exception {
        SimNodeFactory nodes = new SimNodeFactory("");
        List<String> lossy = new ArrayList<>();
        for (long seed = 1; seed <= 10; seed++) {
            BenchResult result = run(nodes, seed);
            if (result.outcome() != null && !result.outcome().lost().isEmpty()) {
                lossy.add("seed " + seed);
            }
        }
        assertThat(lossy).as("seeds that lost values with the journal off").isNotEmpty();
    }

    /** Before the final reads, every killed node was restarted (and answered init), every paused one resumed. */
    private static void assertEverythingBackBeforeTheFinalReads(BenchResult result, long seed) {
        int finalPhase = result.history().stream().filter(Op::finalRead).mapToInt(Op::index).min().orElseThrow();
        List<Op> before = result.history().stream().filter(op -> !op.isClient() && op.index() < finalPhase).toList();
        assertThat(count(before, "kill", ":killed")).as("seed " + seed + ": kills vs restarts")
                .isEqualTo(count(before, "start", ":started"));
        assertThat(count(before, "pause", ":paused")).as("seed " + seed + ": pauses vs resumes")
                .isEqualTo(count(before, "resume", ":resumed"));
        assertThat(result.history()).as("seed " + seed + ": no nemesis op in the final phase")
                .filteredOn(op -> !op.isClient() && op.index() > finalPhase).isEmpty();
    }

    private static long count(List<Op> ops, String f, String state) {
        return ops.stream().filter(op -> op.f().equals(f) && String.valueOf(op.value()).contains(state)).count();
    }

    private BenchResult run(SimNodeFactory nodes, long seed) throws Exception {
        BenchOptions options = RunArguments.parse(List.of("3c", "--nemesis", "partition,kill,pause",
                "--nemesis-interval", "3", "--recovery-wait", "10", "--store", store.toString()), seed);
        VirtualScheduler scheduler = new VirtualScheduler();
        return SimRun.runner(options, nodes, scheduler, node -> { }, BenchRunner.defaultChecker(),
                new PrintStream(OutputStream.nullOutputStream())).run();
    }

    static java.util.stream.Stream<Op> nemesis(BenchResult result, String f) {
        return result.history().stream().filter(op -> !op.isClient() && op.f().equals(f));
    }
}
