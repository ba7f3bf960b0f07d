package io.glomers.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrontierPlotTest {

    private static List<FrontierPlot.Point> points() {
        List<FrontierPlot.Point> points = new ArrayList<>(FrontierPlot.published());
        points.add(new FrontierPlot.Point("star 90 ms", 3.35, 224, 290, true));
        points.add(new FrontierPlot.Point("off the scale", 100, 9000, 20000, true));
        return points;
    }

    @Test
    void bothPanelsHoldEveryPointClampedToTheAxesWithOneLegend() {
        JFreeChart chart = FrontierPlot.chart(points(), "frontier");
        CombinedRangeXYPlot plot = (CombinedRangeXYPlot) chart.getPlot();
        List<XYPlot> panels = plot.getSubplots();

        assertThat(panels).hasSize(2);
        for (XYPlot panel : panels) {
            assertThat(panel.getDataset().getItemCount(0)).as("ours").isEqualTo(2);
            assertThat(panel.getDataset().getItemCount(1)).as("published").isEqualTo(5);
            assertThat(panel.getDataset().getXValue(0, 1)).isEqualTo(32);
            assertThat(panel.getDataset().getYValue(0, 1)).isEqualTo(3000);
            assertThat(panel.getAnnotations()).hasSize(7 + 1);
        }
        assertThat(panels.get(0).getDataset().getYValue(0, 0)).isEqualTo(224);
        assertThat(panels.get(1).getDataset().getYValue(0, 0)).isEqualTo(290);
        assertThat(plot.getLegendItems().getItemCount()).isEqualTo(2);
    }

    @Test
    void writesAPngOfItsSizeShowingBothKindsOfPoint(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("frontier.png");
        FrontierPlot.write(points(), "frontier", png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(FrontierPlot.WIDTH);
        assertThat(image.getHeight()).isEqualTo(FrontierPlot.HEIGHT);
        assertThat(count(image, 20, 90, 200)).as("our blue").isGreaterThan(100);
        assertThat(count(image, 200, 60, 40)).as("published red").isGreaterThan(50);
    }

    private static long count(BufferedImage image, int r, int g, int b) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                n += Math.abs(((rgb >> 16) & 0xff) - r) < 8 && Math.abs(((rgb >> 8) & 0xff) - g) < 8
                        && Math.abs((rgb & 0xff) - b) < 8 ? 1 : 0;
            }
        }
        return n;
    }
}
