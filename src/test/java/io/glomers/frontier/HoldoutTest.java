package io.glomers.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HoldoutTest {

    private static final Cell CELL = new Cell(5, 50, "exponential", 100, false);
    private static final Setting STAR = Setting.star(150, 200);
    private static final Setting ADAPTIVE = Setting.adaptive(Objective.DEFAULT);

    private static Trial run(Setting setting, double msgsPerOp, long median, long max) {
        return Trial.ran(setting, new Figures(msgsPerOp, median, max, true, 1));
    }

    @Test
    void theHeldOutSeedsFollowTheSweepsAndAreCountedApart() {
        SweepOptions options = SweepOptions.parse("--seed", "2", "--seeds", "3", "--holdout", "4");

        assertThat(options.seeds()).containsExactly(2L, 3L, 4L);
        assertThat(options.heldOutSeeds()).containsExactly(5L, 6L, 7L, 8L);
        assertThat(options.heldOutText()).isEqualTo("seeds 5-8");
        assertThat(SweepOptions.parse().heldOutSeeds()).isEmpty();
        assertThatThrownBy(() -> SweepOptions.parse("--holdout", "101")).hasMessageContaining("--holdout takes 0 to 100");
        assertThatThrownBy(() -> SweepOptions.parse("--holdout", "3", "--fixed-only"))
                .hasMessageContaining("--fixed-only");
    }

    @Test
    void eachSeedCountsOnItsOwnWhereTheSweepTookTheWorstOfThem() {
        Holdout holdout = new Holdout(CELL,
                List.of(run(STAR, 0.40, 190, 520), run(STAR, 0.44, 210, 742), run(STAR, 0.42, 200, 598)),
                List.of(run(ADAPTIVE, 0.50, 180, 600), run(ADAPTIVE, 0.48, 170, 560), run(ADAPTIVE, 0.46, 175, 480)));

        // 598 ms meets a maximum below 600 ms; 600 does not.
        assertThat(holdout.row(Objective.DEFAULT)).isEqualTo("| 5 nodes, 50 ms exponential, rate 100 | star 150/200 ms"
                + " | 2 of 3 | 0.42 | 210 / 742 | 2 of 3 | 0.48 | 180 / 600 |");
        Holdout other = new Holdout(CELL, List.of(run(STAR, 1, 100, 300)),
                List.of(Trial.failed(ADAPTIVE, "no such strategy")));
        assertThat(other.row(Objective.DEFAULT)).endsWith("| 1 of 1 | 1.00 | 100 / 300 | did not run: no such strategy | - | - |");
        assertThat(Holdout.summary(List.of(holdout, other), Objective.DEFAULT, "seeds 4-6")).isEqualTo("held out seeds 4-6:"
                + " the best fixed settings met median < 400 ms, max < 600 ms on 3 of 4 runs, the adaptive node on 2 of 4");
    }

    @Test
    void onlyCellsWithABestFixedSettingAndNoPartitionsAreHeldOut() {
        SimTrials unused = new SimTrials(List.of(4L), new TrialCache(null), new PrintStream(new ByteArrayOutputStream()));
        Trial adaptive = run(ADAPTIVE, 0.5, 200, 500);
        Trial best = run(STAR, 0.4, 200, 500);
        Cell partitioned = new Cell(5, 50, "exponential", 100, true);

        assertThat(Holdout.of(new CellResult(CELL, Objective.DEFAULT, adaptive, List.of(), Optional.empty()), unused)).isEmpty();
        assertThat(Holdout.of(new CellResult(partitioned, Objective.DEFAULT, adaptive, List.of(best), Optional.of(best)),
                unused)).isEmpty();
    }

    @Test
    void aFixedSettingsHeldOutRunsComeFromTheCacheOnePerSeed(@TempDir Path dir) {
        Path file = dir.resolve("cache.tsv");
        TrialCache writer = new TrialCache(file);
        writer.put(4, CELL, STAR, new Figures(0.41, 190, 520, true, 5));
        writer.put(5, CELL, STAR, new Figures(0.43, 205, 742, true, 6));
        ByteArrayOutputStream said = new ByteArrayOutputStream();

        List<Trial> runs = new SimTrials(List.of(4L, 5L), new TrialCache(file), new PrintStream(said, true,
                StandardCharsets.UTF_8)).fixedEach(CELL, STAR);

        assertThat(runs).extracting(Trial::figures).extracting(Figures::maxMillis).containsExactly(520L, 742L);
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("seed 5: 0.43 msgs-per-op, 205 / 742 ms, valid")
                .contains("(cached)");
    }

    @Test
    void aSettingThatCannotRunStopsAtItsFirstSeedAndSaysWhy() {
        Setting broken = new Setting("broken", List.of("broadcast.strategy=no-such-strategy"));
        ByteArrayOutputStream said = new ByteArrayOutputStream();

        List<Trial> runs = new SimTrials(List.of(4L, 5L, 6L), new TrialCache(null), new PrintStream(said, true,
                StandardCharsets.UTF_8)).runEach(CELL, broken);

        assertThat(runs).as("no seed after the first failure is kept").hasSize(1);
        assertThat(runs.get(0).figures()).isNull();
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("broken, seed 4: did not run");
    }
}
