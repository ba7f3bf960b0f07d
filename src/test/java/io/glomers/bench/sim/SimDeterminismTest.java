package io.glomers.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.run.BenchRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seed is the whole run: the same seed replays the same history (every operation, its virtual
 * time and values), the same :net counts and the same convergence; another seed gives another run.
 * Run with every fault the simulator draws: partitions, duplication, reordering, delay spikes.
 */
class SimDeterminismTest {

    private static final List<String> FAULTY_3C = List.of("3c", "--nemesis-interval", "3", "--latency", "20",
            "--latency-dist", "exponential", "--duplicate-probability", "0.1", "--reorder-probability", "0.2",
            "--delay-spike-probability", "0.05", "--delay-spike", "1500", "--store-runs", "none");
    private static final List<String> PARTITIONED_3D = List.of("3d", "--nemesis", "partition", "--time-limit", "8",
            "--duplicate-probability", "0.02", "--store-runs", "none");

    @Test
    void theSameSeedReplaysTheSameRunBitForBit() throws IOException {
        for (List<String> args : List.of(FAULTY_3C, PARTITIONED_3D)) {
            SimResult first = run(args, 4242);
            SimResult again = run(args, 4242);
            assertThat(again.bench().history()).as("history of %s", args).isEqualTo(first.bench().history());
            assertThat(again.bench().net()).as(":net of %s", args).isEqualTo(first.bench().net());
            assertThat(again.bench().reasons()).isEqualTo(first.bench().reasons());
            assertThat(again.convergence()).isEqualTo(first.convergence());
            assertThat(first.bench().net().servers().sendCount()).isPositive();
        }
    }

    @Test
    void writingTheRunDoesNotChangeIt(@TempDir Path store) throws IOException {
        // The caller's thread writes files while the clock stands still: the run ends on the
        // scheduler's thread at the final reads, not when the caller gets round to shutting it down.
        List<String> written = new ArrayList<>(FAULTY_3C.subList(0, FAULTY_3C.size() - 2));
        written.addAll(List.of("--store-runs", "all", "--store", store.toString()));
        SimResult kept = run(written, 77);
        SimResult inMemory = run(FAULTY_3C, 77);
        assertThat(kept.bench().dir().resolve("messages.log")).isNotEmptyFile();
        assertThat(kept.bench().net()).isEqualTo(inMemory.bench().net());
        assertThat(kept.bench().history()).isEqualTo(inMemory.bench().history());
    }

    @Test
    void anotherSeedIsAnotherRun() throws IOException {
        SimResult one = run(FAULTY_3C, 1);
        SimResult two = run(FAULTY_3C, 2);
        assertThat(two.bench().history()).isNotEqualTo(one.bench().history());
        assertThat(two.bench().net()).isNotEqualTo(one.bench().net());
    }

    /**
     * Several runs at once on threads of their own share nothing: each seed gives what it gives alone, the
     * results come back in seed order, and every kept run has a folder of its own though several start in
     * one millisecond.
     */
    @Test
    void aSwarmOnThreeThreadsRunsWhatOneThreadRuns(@TempDir Path store) throws IOException {
        List<String> kept = new ArrayList<>(FAULTY_3C.subList(0, FAULTY_3C.size() - 2));
        kept.addAll(List.of("--time-limit", "6", "--store-runs", "all", "--store"));
        List<SimResult> alone = new ArrayList<>();
        List<SimResult> together = new ArrayList<>();
        new Swarm("", List.of(), with(kept, store.resolve("alone"))).run(6, 300, 1, null, alone::add);
        Swarm.Report report = new Swarm("", List.of(), with(kept, store.resolve("together"))).run(6, 300, 3, null, together::add);

        assertThat(report.runs()).isEqualTo(6);
        assertThat(together).extracting(result -> result.bench().options().seed()).containsExactly(300L, 301L, 302L, 303L, 304L, 305L);
        for (int i = 0; i < alone.size(); i++) {
            assertThat(together.get(i).bench().history()).as("history of seed %d", 300 + i).isEqualTo(alone.get(i).bench().history());
            assertThat(together.get(i).bench().net()).as(":net of seed %d", 300 + i).isEqualTo(alone.get(i).bench().net());
            assertThat(together.get(i).convergence()).isEqualTo(alone.get(i).convergence());
        }
        assertThat(together).extracting(result -> result.bench().dir()).doesNotHaveDuplicates()
                .allSatisfy(dir -> assertThat(dir.resolve("history.edn")).isNotEmptyFile());
    }

    private static List<String> with(List<String> args, Path store) {
        List<String> all = new ArrayList<>(args);
        all.add(store.toString());
        return all;
    }

    private static SimResult run(List<String> args, long seed) throws IOException {
        return SimRun.simulate(args, seed, "", List.of(), BenchRunner.defaultChecker(), true);
    }
}
