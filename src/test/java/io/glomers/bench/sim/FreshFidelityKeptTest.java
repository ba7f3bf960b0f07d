package io.glomers.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glomers.bench.check.MaelstromRuns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code FidelityReport --fresh --kept}: the runs a fresh report kept are read back and judged against
 * the simulator alone, and runs of other arguments are refused rather than compared.
 */
class FreshFidelityKeptTest {

    /** Maelstrom's demo node, 5 nodes at rate 10 for 20 s: a kept run needs only a history and results. */
    private static final String SET = "--node-count 5 --time-limit 20 --rate 10";

    @TempDir
    Path runs;

    @Test
    void eachSetIsKeptInAPlaceNamedByItsArguments() {
        Path place = FreshFidelity.placeOf(runs, List.of(SET.split(" ")));

        assertThat(place).isEqualTo(runs.resolve("node-count_5_time-limit_20_rate_10"));
        assertThat(FreshFidelity.placeOf(runs, List.of("--node-count", "5", "--time-limit", "20", "--rate", "100")))
                .as("another set, another place").isNotEqualTo(place);
    }

    @Test
    void keptRunsAreReadBackAndOnlyTheSimulatorRuns() throws Exception {
        Path set = FreshFidelity.placeOf(runs, List.of(SET.split(" ")));
        keep(set.resolve("run-1"));
        keep(set.resolve("run-2"));
        Files.writeString(set.resolve("kept-runs"), SET + "\n2\n");

        List<String> table = judgeKeptRuns();

        RunFigures kept = RunFigures.ofMaelstromRun(MaelstromRuns.dir("b5"));
        assertThat(table)
                .anySatisfy(row -> assertThat(row).contains("| Maelstrom (2 runs) | " + kept.operations() + " |"))
                .anySatisfy(row -> assertThat(row).contains("| real-time bench (2 runs) | " + kept.operations() + " |"))
                .anySatisfy(row -> assertThat(row).contains("| simulator (1 seeds) |"));
    }

    @Test
    void reuseCountsTheRunsASetKeepsTowardTheNumberAsked() throws Exception {
        Path set = FreshFidelity.placeOf(runs, List.of(SET.split(" ")));
        keep(set); // a lone run, kept before runs were always numbered
        keep(set.resolve("run-2"));
        Files.writeString(set.resolve("kept-runs"), SET + "\n2\n");

        assertThat(FreshFidelity.keptHere(set, SET, 6).maelstrom()).as("both kept runs, four more to run").hasSize(2);
        assertThat(FreshFidelity.keptHere(set, SET, 1).realTime()).as("no more than asked for").hasSize(1);
        assertThat(FreshFidelity.keptHere(set, "--node-count 25", 6).maelstrom()).as("runs of other arguments").isEmpty();
        assertThat(FreshFidelity.keptHere(runs.resolve("elsewhere"), SET, 6).maelstrom()).as("nothing kept").isEmpty();
    }

    @Test
    void aSetIsFoundWhereverAReportKeptIt() throws Exception {
        // Reports before 2026-12-04 numbered the places by the set's position.
        Path first = runs.resolve("set-1");
        keep(first);
        Files.writeString(first.resolve("kept-runs"), "--node-count 25\n1\n");
        Path second = runs.resolve("set-2");
        keep(second);
        Files.writeString(second.resolve("kept-runs"), SET + "\n1\n");

        List<String> table = judgeKeptRuns();

        RunFigures kept = RunFigures.ofMaelstromRun(MaelstromRuns.dir("b5"));
        assertThat(table).anySatisfy(row -> assertThat(row).contains("| Maelstrom | " + kept.operations() + " |"));
    }

    @Test
    void runsOfOtherArgumentsAreRefused() throws IOException {
        Path set = runs.resolve("set-1");
        keep(set);
        Files.writeString(set.resolve("kept-runs"), "--node-count 25\n1\n");

        assertThatThrownBy(this::judgeKeptRuns)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keeps no runs of " + SET)
                .hasMessageContaining("its runs are of --node-count 25");
    }

    /** {@code --fresh --kept} on {@link #SET} with one simulated seed: the table's lines. */
    private List<String> judgeKeptRuns() throws Exception {
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        FreshFidelity.reportKept(List.of(SET), new FreshFidelity.Simulation(1, 1, List.of()),
                new PrintStream(table, true, StandardCharsets.UTF_8), runs);
        return table.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** A run kept as a fresh report keeps it: Maelstrom's store and the real-time bench's, each with a latest run. */
    private static void keep(Path runDir) throws IOException {
        for (Path latest : List.of(runDir.resolve("maelstrom/store/latest"), runDir.resolve("bench/latest"))) {
            Files.createDirectories(latest);
            for (String file : List.of("history.edn", "results.edn")) {
                Files.copy(MaelstromRuns.dir("b5").resolve(file), latest.resolve(file));
            }
        }
    }
}
