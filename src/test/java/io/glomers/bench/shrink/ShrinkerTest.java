package io.glomers.bench.shrink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glomers.bench.run.BenchResult;
import io.glomers.bench.cli.ChallengeMain;
import io.glomers.bench.plant.Plant;
import io.glomers.bench.sim.RunCase;
import io.glomers.bench.sim.SimResult;
import io.glomers.bench.sim.Swarm;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure the swarm finds in a planted defect shrinks to a handful of nodes, operations and faults
 * that fail the same way, replay bit for bit, and reach a failing test's message as one command.
 */
class ShrinkerTest {

    private static final Plant PLANT = Plant.SUMMARY_PLUS_ONE;
    private static final Duration BUDGET = Duration.ofMinutes(3);

    @TempDir
    Path store;

    @Test
    void aPlantedDefectShrinksToAFewNodesOperationsAndFaultsThatFailTheSameWay() throws IOException {
        Swarm swarm = new Swarm("", List.of(), List.of(), PLANT);
        RunCase failing = firstFailure(swarm);

        Shrinker.Result shrunk = new Shrinker(BUDGET, System::nanoTime, line -> { }).shrink(failing, store);

        BenchResult small = shrunk.failure().bench();
        assertThat(shrunk.anomaly()).isEqualTo(Anomaly.LOST);
        assertThat(Anomaly.of(small)).contains(Anomaly.LOST);
        assertThat(small.options().nodeCount()).isLessThanOrEqualTo(5);
        assertThat(small.operations()).isLessThanOrEqualTo(40);
        assertThat(small.options().faultPlan() == null ? small.options().faults().size()
                : small.options().faultPlan().events().size()).isLessThanOrEqualTo(2);
        assertThat(shrunk.budgetSpent()).isFalse();
        assertThat(shrunk.story()).anySatisfy(line -> assertThat(line).startsWith("lost "))
                .anySatisfy(line -> assertThat(line).contains("acknowledged at"))
                .anySatisfy(line -> assertThat(line).contains("read without it"));

        SimResult again = shrunk.shrunk().replay();
        assertThat(again.bench().history()).isEqualTo(small.history());
        assertThat(again.bench().net()).isEqualTo(small.net());
        assertThat(shrunk.stored()).isNotNull();
        for (String file : List.of("results.edn", "history.edn", "messages.log", "messages.svg")) {
            assertThat(shrunk.stored().resolve(file)).isNotEmptyFile();
        }
    }

    @Test
    void aFailedSwarmsMessageCarriesAShrunkReplayThatFailsWhenRun() throws IOException {
        long seed = firstFailure(new Swarm("", List.of(), List.of(), PLANT)).seed();
        List<String> args = new ArrayList<>(Swarm.draw(seed));
        args.addAll(List.of("--store", store.toString()));
        Swarm swarm = new Swarm("", List.of(), args, PLANT);
        Swarm.Report report = swarm.run(1, seed, null);

        String message = ShrinkReport.forSwarm(swarm, report, BUDGET);

        List<String> replays = message.lines().filter(line -> line.startsWith("replay: ")).toList();
        assertThat(replays).hasSize(2);
        assertThat(message).contains("the first failure, shrunk:", "lost ");
        String shrunkReplay = replays.get(1).substring("replay: bin/challenge ".length());
        assertThat(shrunkReplay).startsWith("sim --runs 1 --seed " + seed).contains("--plant " + PLANT.id());
        List<String> words = new ArrayList<>(Arrays.asList(shrunkReplay.split(" ")));
        words.addAll(List.of("--store", store.toString()));
        PrintStream out = System.out;
        int status;
        try {
            status = ChallengeMain.commandLine().execute(words.toArray(String[]::new));
        } finally {
            System.setOut(out);
        }
        assertThat(status).as("the shrunk replay run on its own").isEqualTo(1);
    }

    @Test
    void aSpentBudgetKeepsTheSmallestFailureSoFar() throws IOException {
        RunCase failing = firstFailure(new Swarm("", List.of(), List.of(), PLANT));
        // A clock that moves a second each time it is read: the search sees its 5 s go after a few candidates.
        long[] now = {0};
        List<String> progress = new ArrayList<>();

        Shrinker.Result shrunk = new Shrinker(Duration.ofSeconds(5), () -> now[0] += 1_000_000_000L, progress::add)
                .shrink(failing, null);

        assertThat(shrunk.budgetSpent()).isTrue();
        assertThat(shrunk.tried()).isBetween(1, 4);
        assertThat(progress).hasSize(shrunk.tried()).allSatisfy(line -> assertThat(line).startsWith("shrink: "));
        assertThat(Anomaly.of(shrunk.failure().bench())).contains(shrunk.anomaly());
        assertThat(shrunk.summary()).contains("time budget spent");
        assertThat(shrunk.shrunk().replay().bench().history()).isEqualTo(shrunk.failure().bench().history());
    }

    @Test
    void aValidRunIsNotShrunk() {
        RunCase valid = new RunCase(List.of("3b", "--time-limit", "2"), 1, "", List.of(), Plant.NONE);

        assertThatThrownBy(() -> new Shrinker(BUDGET, System::nanoTime, line -> { }).shrink(valid, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("valid");
    }

    /** The swarm's first failure from the seeds the production node passes (SwarmTest). */
    private static RunCase firstFailure(Swarm swarm) throws IOException {
        for (long seed = 8_000; seed < 8_200; seed++) {
            RunCase run = swarm.runCase(seed);
            if (!run.replay().valid()) {
                return run;
            }
        }
        throw new AssertionError(PLANT.id() + " was not caught by 200 seeds");
    }
}
