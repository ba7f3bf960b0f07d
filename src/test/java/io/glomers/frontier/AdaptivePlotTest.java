package io.glomers.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdaptivePlotTest {

    private static final Trial BEST = Trial.ran(Setting.star(250, 0), new Figures(2.0, 140, 350, true, 1));

    private static CellResult cell(Cell cell, double adaptiveMsgsPerOp, Optional<Trial> best) {
        Trial adaptive = Trial.ran(Setting.adaptive(Objective.DEFAULT), new Figures(adaptiveMsgsPerOp, 200, 400, true, 1));
        return new CellResult(cell, Objective.DEFAULT, adaptive, best.stream().toList(), best);
    }

    @Test
    void judgedCellsArePointsByVerdictAndTheOthersAreLeftOut() {
        List<CellResult> results = List.of(
                cell(new Cell(25, 100, "constant", 100, false), 2.1, Optional.of(BEST)),
                cell(new Cell(50, 100, "constant", 100, false), 3.0, Optional.of(BEST)),
                cell(new Cell(50, 400, "constant", 100, false), 1.0, Optional.empty()),
                cell(new Cell(25, 100, "constant", 100, true), 1000, Optional.of(BEST)));

        XYDataset data = ((XYPlot) AdaptivePlot.chart(results, "sweep").getPlot()).getDataset();

        assertThat(data.getItemCount(0)).as("meets").isEqualTo(1);
        assertThat(data.getItemCount(1)).as("misses").isEqualTo(1);
        assertThat(data.getXValue(1, 0)).isEqualTo(2.0);
        assertThat(data.getYValue(1, 0)).isEqualTo(3.0);
    }

    @Test
    void drawsOnlyWhenSomeCellIsJudged(@TempDir Path dir) throws Exception {
        Path none = dir.resolve("none.png");
        Path some = dir.resolve("some.png");

        boolean drewNone = AdaptivePlot.write(List.of(cell(AdaptiveSweep.PART_3D, 1, Optional.empty())), "sweep", none);
        boolean drewSome = AdaptivePlot.write(List.of(cell(AdaptiveSweep.PART_3D, 2.1, Optional.of(BEST))), "sweep", some);

        assertThat(drewNone).isFalse();
        assertThat(none).doesNotExist();
        assertThat(drewSome).isTrue();
        BufferedImage image = ImageIO.read(some.toFile());
        assertThat(image.getWidth()).isEqualTo(AdaptivePlot.WIDTH);
    }

    @Test
    void theFrontierOf3dShowsThePublishedPointsTheFixedSettingsThatMeetAndTheAdaptiveNode() {
        Trial late = Trial.ran(Setting.star(900, 0), new Figures(0.8, 500, 900, true, 1));
        Trial adaptive = Trial.ran(Setting.adaptive(Objective.DEFAULT), new Figures(1.1, 250, 450, true, 1));
        CellResult result = new CellResult(AdaptiveSweep.PART_3D, Objective.DEFAULT, adaptive, List.of(late, BEST),
                Optional.of(BEST));

        List<FrontierPlot.Point> points = AdaptiveSweep.frontierPoints(result);

        assertThat(points).filteredOn(FrontierPlot.Point::ours).map(FrontierPlot.Point::label)
                .containsExactly("star 250 ms", "adaptive");
        assertThat(points).filteredOn(point -> !point.ours()).hasSameSizeAs(FrontierPlot.published());
    }
}
