package io.glomers.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CellResultTest {

    private static final Cell CELL = new Cell(25, 100, "constant", 100, false);
    private static final Trial BEST = Trial.ran(Setting.star(250, 0), new Figures(2.0, 140, 350, true, 1));

    private static CellResult result(Cell cell, Trial adaptive, Optional<Trial> best) {
        return new CellResult(cell, Objective.DEFAULT, adaptive, best.stream().toList(), best);
    }

    private static Trial adaptive(double msgsPerOp, long median, long max, boolean valid) {
        return Trial.ran(Setting.adaptive(Objective.DEFAULT), new Figures(msgsPerOp, median, max, valid, 1));
    }

    @Test
    void meetsUpToTheAllowanceAndMissesPastIt() {
        CellResult atAllowance = result(CELL, adaptive(2.3, 300, 500, true), Optional.of(BEST));
        CellResult past = result(CELL, adaptive(2.31, 300, 500, true), Optional.of(BEST));

        assertThat(atAllowance.verdict()).isEqualTo(Verdict.MEETS);
        assertThat(atAllowance.ratio()).hasValueCloseTo(1.15, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(past.verdict()).isEqualTo(Verdict.MISSES);
        assertThat(Verdict.MISSES.judged()).isTrue();
    }

    @Test
    void severalSeedsMeetOnlyWhereEveryOneDoesAndCostTheirMean() {
        Figures early = new Figures(1.0, 200, 450, true, 10);
        Figures late = new Figures(2.0, 250, 599, true, 20);
        Figures over = new Figures(3.0, 150, 600, true, 30);

        Figures both = Figures.worstOf(List.of(early, late));

        assertThat(both).isEqualTo(new Figures(1.5, 250, 599, true, 30));
        assertThat(Objective.DEFAULT.metBy(both)).isTrue();
        assertThat(Objective.DEFAULT.metBy(Figures.worstOf(List.of(early, over)))).isFalse();
        assertThat(Figures.worstOf(List.of(early, new Figures(1.0, 100, 200, false, 1))).valid()).isFalse();
    }

    @Test
    void cheapButLateOrInvalidMisses() {
        assertThat(result(CELL, adaptive(0.5, 400, 500, true), Optional.of(BEST)).verdict()).isEqualTo(Verdict.MISSES);
        assertThat(result(CELL, adaptive(0.5, 300, 600, true), Optional.of(BEST)).verdict()).isEqualTo(Verdict.MISSES);
        assertThat(result(CELL, adaptive(0.5, 100, 200, false), Optional.of(BEST)).verdict()).isEqualTo(Verdict.MISSES);
    }

    @Test
    void cellsTheTargetDoesNotJudge() {
        CellResult unmet = result(CELL, adaptive(9, 900, 1500, true), Optional.empty());
        CellResult notRun = result(CELL, Trial.failed(Setting.adaptive(Objective.DEFAULT), "not run"), Optional.of(BEST));
        Cell partitioned = new Cell(25, 100, "constant", 100, true);
        CellResult valid = result(partitioned, adaptive(3, 8000, 18000, true), Optional.of(BEST));
        CellResult invalid = result(partitioned, adaptive(3, 100, 200, false), Optional.of(BEST));

        CellResult unmetNotRun = result(CELL, Trial.failed(Setting.adaptive(Objective.DEFAULT), "not run"), Optional.empty());

        assertThat(unmet.verdict()).isEqualTo(Verdict.NO_FIXED_MEETS);
        assertThat(unmetNotRun.verdict()).isEqualTo(Verdict.NO_FIXED_MEETS);
        assertThat(unmet.ratio()).isEmpty();
        assertThat(notRun.verdict()).isEqualTo(Verdict.NOT_RUN);
        assertThat(notRun.ratio()).isEmpty();
        assertThat(valid.verdict()).isEqualTo(Verdict.VALID_UNDER_PARTITIONS);
        assertThat(valid.ratio()).hasValueCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(invalid.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(List.of(unmet, unmetNotRun, notRun, valid, invalid)).noneMatch(cell -> cell.verdict().judged());
    }

    @Test
    void theSummaryCountsEachKindOfCell() {
        List<CellResult> results = List.of(
                result(CELL, adaptive(2.0, 300, 500, true), Optional.of(BEST)),
                result(CELL, adaptive(3.0, 300, 500, true), Optional.of(BEST)),
                result(CELL, adaptive(9, 900, 1500, true), Optional.empty()),
                result(new Cell(5, 0, "constant", 100, true), adaptive(3, 8000, 18000, true), Optional.empty()));

        assertThat(SweepReport.summary(results, Objective.DEFAULT))
                .contains("holds in 1 of 2 cells", "no fixed setting meets it in 1",
                        "under partitions the adaptive node is valid in 1 of 1", "adaptive not run in 0");
        assertThat(SweepReport.row(results.get(1)))
                .isEqualTo("| 25 nodes, 100 ms constant, rate 100 | 3.00 | 300 / 500 | yes | star 250 ms | 2.00 | 140 / 350"
                        + " | 1.50 | MISSES |");
    }
}
