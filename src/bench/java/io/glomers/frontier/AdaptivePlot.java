package io.glomers.frontier;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Every judged cell as one point: the best fixed setting's msgs-per-op across, the adaptive node's
 * up, both on log scales, with the line of equal cost and the target's 1.15x line. A cell where the
 * target holds sits on or under the upper line; the cells that miss are drawn apart and labelled.
 */
final class AdaptivePlot {

    static final int WIDTH = 900;
    static final int HEIGHT = 700;
    private static final double MIN = 0.125;
    private static final double MAX = 64;
    private static final Color MISSES = new Color(200, 60, 40);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private AdaptivePlot() {
    }

    /** Writes the PNG; false (and nothing written) when no cell has both figures to compare. */
    static boolean write(List<CellResult> results, String title, Path png) throws IOException {
        JFreeChart chart = chart(results, title);
        if (((XYPlot) chart.getPlot()).getDataset().getItemCount(0) + ((XYPlot) chart.getPlot()).getDataset().getItemCount(1) == 0) {
            return false;
        }
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
        return true;
    }

    static JFreeChart chart(List<CellResult> results, String title) {
        XYSeries meets = new XYSeries("target holds (" + Verdict.MEETS + ")", false, true);
        XYSeries misses = new XYSeries("target missed (over 1.15x, or the objective missed)", false, true);
        XYPlot plot = new XYPlot(new XYSeriesCollection(),
                FrontierPlot.log2Axis("best fixed setting: server msgs-per-op (log scale)", MIN, MAX, "0.###"),
                FrontierPlot.log2Axis("adaptive node: server msgs-per-op (log scale)", MIN, MAX, "0.###"),
                FrontierPlot.renderer());
        for (CellResult result : results) {
            if (!result.verdict().judged()) {
                continue;
            }
            double x = clamp(result.bestFixed().orElseThrow().figures().msgsPerOp());
            double y = clamp(result.adaptive().figures().msgsPerOp());
            if (result.verdict() == Verdict.MEETS) {
                meets.add(x, y);
            } else {
                misses.add(x, y);
                XYTextAnnotation label = new XYTextAnnotation(result.cell().label(), x * 1.06, y);
                label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                label.setPaint(MISSES.darker());
                label.setTextAnchor(TextAnchor.CENTER_LEFT);
                plot.addAnnotation(label);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(meets);
        data.addSeries(misses);
        plot.setDataset(data);
        plot.addAnnotation(new XYLineAnnotation(MIN, MIN, MAX, MAX, new BasicStroke(1), Color.GRAY));
        plot.addAnnotation(new XYLineAnnotation(MIN, MIN * CellResult.MESSAGE_ALLOWANCE, MAX / CellResult.MESSAGE_ALLOWANCE,
                MAX, new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0),
                Color.DARK_GRAY));
        XYTextAnnotation allowance = new XYTextAnnotation("1.15x", MAX / 2, MAX / 2 * CellResult.MESSAGE_ALLOWANCE * 1.1);
        allowance.setTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addAnnotation(allowance);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(225, 225, 225));
        plot.setRangeGridlinePaint(new Color(225, 225, 225));
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setFrame(BlockBorder.NONE);
        return chart;
    }

    private static double clamp(double msgsPerOp) {
        return Math.max(MIN, Math.min(MAX, msgsPerOp));
    }
}
