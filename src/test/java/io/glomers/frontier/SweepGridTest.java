package io.glomers.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glomers.bench.nemesis.Fault;
import io.glomers.bench.net.LatencyModel;
import io.glomers.bench.options.RunArguments;
import io.glomers.bench.run.BenchOptions;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepGridTest {

    @Test
    void theDefaultGridHasEveryValueOfEveryDimensionAndNoCellTwice() {
        List<Cell> cells = SweepGrid.defaults();

        assertThat(cells).map(Cell::nodes).containsAll(SweepGrid.NODE_COUNTS);
        assertThat(cells).map(Cell::latencyMillis).containsAll(SweepGrid.LATENCIES);
        assertThat(cells).map(Cell::distribution).containsAll(SweepGrid.DISTRIBUTIONS);
        assertThat(cells).map(Cell::rate).containsAll(SweepGrid.RATES);
        assertThat(cells).map(Cell::partitions).contains(true, false);
        assertThat(new HashSet<>(cells)).hasSameSizeAs(cells);
        // Node count x latency is crossed in full, constant and exponential, at rate 100.
        for (int nodes : SweepGrid.NODE_COUNTS) {
            for (long latency : SweepGrid.LATENCIES) {
                assertThat(cells).contains(new Cell(nodes, latency, "constant", 100, false));
            }
        }
        assertThat(cells).doesNotContain(new Cell(5, 0, "exponential", 100, false));
    }

    @Test
    void partitionedCellsComeLastWithTheirTwinsInTheGrid() {
        List<Cell> cells = SweepGrid.defaults();
        int firstPartitioned = cells.indexOf(cells.stream().filter(Cell::partitions).findFirst().orElseThrow());

        assertThat(cells.subList(firstPartitioned, cells.size())).allMatch(Cell::partitions);
        assertThat(cells).filteredOn(Cell::partitions).allMatch(cell -> cells.contains(cell.withoutPartitions()));
    }

    @Test
    void aCellsArgumentsAreMaelstromsAndTheBenchParsesThem() {
        Cell cell = new Cell(10, 50, "exponential", 500, true);

        BenchOptions options = RunArguments.parse(cell.arguments(), 1);

        assertThat(cell.toString()).isEqualTo("3d --node-count 10 --latency 50 --latency-dist exponential --rate 500"
                + " --time-limit 20 --nemesis partition");
        assertThat(options.nodeCount()).isEqualTo(10);
        assertThat(options.latency()).isEqualTo(new LatencyModel(LatencyModel.Distribution.EXPONENTIAL, 50));
        assertThat(options.rate()).isEqualTo(500);
        assertThat(options.faults()).containsExactly(Fault.PARTITION);
        assertThat(cell.label()).isEqualTo("10 nodes, 50 ms exponential, rate 500, partitions");
    }

    @Test
    void cellsAreChosenByAPatternOverTheirArguments() {
        List<Cell> fifty = SweepGrid.matching(SweepGrid.defaults(), "--node-count 50 .*--rate 500");

        assertThat(fifty).containsExactly(new Cell(50, 100, "constant", 500, false));
        assertThat(SweepGrid.quick()).contains(AdaptiveSweep.PART_3D).hasSize(3);
    }

    @Test
    void theCommandLineNamesTheCellsTheObjectiveAndTheAdaptiveNodesProperties() {
        SweepOptions quick = SweepOptions.parse("--quick", "--cells", "latency 0 ", "--seed", "7", "--no-plots");
        SweepOptions tight = SweepOptions.parse("--objective-median", "300", "--objective-max", "450");

        assertThat(quick.cells()).containsExactly(new Cell(5, 0, "constant", 100, false));
        assertThat(quick.seeds()).containsExactly(7L);
        assertThat(quick.seedsText()).isEqualTo("seed 7");
        assertThat(SweepOptions.parse("--seed", "4", "--seeds", "3").seeds()).containsExactly(4L, 5L, 6L);
        assertThat(SweepOptions.parse("--seeds", "3").seedsText()).isEqualTo("seeds 1-3");
        assertThatThrownBy(() -> SweepOptions.parse("--seeds", "0")).hasMessageContaining("--seeds takes 1 to 100");
        assertThat(quick.plots()).isNull();
        assertThat(Setting.adaptive(quick.objective()).properties()).containsExactly("broadcast.strategy=adaptive");
        assertThat(tight.cells()).hasSameSizeAs(SweepGrid.defaults());
        assertThat(Setting.adaptive(tight.objective()).properties()).containsExactly("broadcast.strategy=adaptive",
                "broadcast.objective.median=300ms", "broadcast.objective.max=450ms");
        assertThatThrownBy(() -> SweepOptions.parse("--cells", "--node-count 7")).hasMessageContaining("no cell");
        assertThatThrownBy(() -> SweepOptions.parse("--rate")).hasMessageContaining("unknown argument '--rate'");
        assertThatThrownBy(() -> SweepOptions.parse("--objective-median", "700")).hasMessageContaining("median <= max");
    }

    @Test
    void aCellOfOnesOwnTakesMaelstromsOptionsOverPart3dsAndReplacesTheGrid() {
        SweepOptions own = SweepOptions.parse("--cell", "--node-count 20 --latency 300 --latency-dist uniform",
                "--cell", " --rate 1000  --nemesis partition", "--cell", "--node-count 20 --latency 300 --latency-dist uniform");

        assertThat(own.cells()).containsExactly(new Cell(20, 300, "uniform", 100, false),
                new Cell(25, 100, "constant", 1000, true));
        assertThatThrownBy(() -> SweepOptions.parse("--cell", "--node-count 7", "--cells", "--node-count 25"))
                .hasMessageContaining("no cell matches");
        assertThatThrownBy(() -> SweepOptions.parse("--cell", "--node-count 7 --time-limit 60"))
                .hasMessageContaining("'--time-limit' is not an option a cell sets");
        assertThatThrownBy(() -> SweepOptions.parse("--cell", "--node-count")).hasMessageContaining("--node-count needs a value");
        assertThatThrownBy(() -> SweepOptions.parse("--cell", "--latency-dist pareto")).hasMessageContaining("pareto");
        assertThatThrownBy(() -> SweepOptions.parse("--cell", "--nemesis kill")).hasMessageContaining("only nemesis is partition");
        assertThatThrownBy(() -> SweepOptions.parse("--quick", "--cell", "--rate 10")).hasMessageContaining("give one of them");
    }

    @Test
    void theCacheGivesBackWhatItKeptForTheSameSeedCellAndSetting(@TempDir Path dir) {
        Path file = dir.resolve("cache.tsv");
        Cell cell = AdaptiveSweep.PART_3D;
        Figures figures = new Figures(1.5432, 139, 354, true, 3100);

        new TrialCache(file).put(1, cell, Setting.star(250, 0), figures);
        TrialCache reread = new TrialCache(file);

        assertThat(reread.get(1, cell, Setting.star(250, 0))).contains(figures);
        assertThat(reread.get(2, cell, Setting.star(250, 0))).isEmpty();
        assertThat(reread.get(1, cell, Setting.star(250, 200))).isEmpty();
        assertThat(reread.get(1, new Cell(25, 100, "uniform", 100, false), Setting.star(250, 0))).isEmpty();
    }
}
