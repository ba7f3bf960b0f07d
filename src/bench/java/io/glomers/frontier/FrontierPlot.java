package io.glomers.frontier;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the messages/latency frontier as a PNG with JFreeChart: server msgs-per-op against median
 * and max stable latency (both on log scales), side by side on one latency scale, our points beside
 * the published ones, each point labelled.
 */
public final class FrontierPlot {

    /** One point: a label, msgs-per-op, and median and max latency in ms. */
    public record Point(String label, double msgsPerOp, double medianMillis, double maxMillis, boolean ours) {
    }

    static final int WIDTH = 1100;
    static final int HEIGHT = 520;
    private static final double MIN_X = 0.25;
    private static final double MAX_X = 32;
    private static final double MIN_Y = 30;
    private static final double MAX_Y = 3000;
    private static final Color OURS = new Color(20, 90, 200);
    private static final Color PUBLISHED = new Color(200, 60, 40);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private FrontierPlot() {
    }

    public static void write(List<Point> points, String title, Path png) throws IOException {
        ChartUtils.saveChartAsPNG(png.toFile(), chart(points, title), WIDTH, HEIGHT);
    }

    static JFreeChart chart(List<Point> points, String title) {
        // Log scale on both axes: the points that matter (under 500 ms, over 4 msgs-per-op) spread out.
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(log2Axis("stable latency (ms, log scale)", MIN_Y, MAX_Y, "0"));
        plot.setGap(40);
        XYPlot median = panel(points, "median latency", Point::medianMillis);
        plot.add(median);
        plot.add(panel(points, "max latency", Point::maxMillis));
        // Both panels have the same two series: one legend for the pair.
        plot.setFixedLegendItems(median.getLegendItems());
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        return chart;
    }

    private static XYPlot panel(List<Point> points, String name, ToDoubleFunction<Point> latency) {
        XYSeries ours = new XYSeries("this node (bench, 25 nodes, rate 100, latency 100)", false, true);
        XYSeries published = new XYSeries("published results", false, true);
        XYPlot plot = new XYPlot(new XYSeriesCollection(), msgsPerOpAxis(), null, renderer());
        for (Point point : points) {
            double x = Math.max(MIN_X, Math.min(MAX_X, point.msgsPerOp()));
            double y = Math.max(MIN_Y, Math.min(MAX_Y, latency.applyAsDouble(point)));
            (point.ours() ? ours : published).add(x, y);
            // Ours above their points, the published ones below theirs: the two sets crowd the same corner.
            XYTextAnnotation label = new XYTextAnnotation(point.label(), x * 1.07, point.ours() ? y * 1.04 : y / 1.04);
            label.setFont(LABEL);
            label.setPaint(point.ours() ? Color.DARK_GRAY : PUBLISHED.darker());
            label.setTextAnchor(point.ours() ? TextAnchor.BOTTOM_LEFT : TextAnchor.TOP_LEFT);
            plot.addAnnotation(label);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(ours);
        data.addSeries(published);
        plot.setDataset(data);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(225, 225, 225));
        plot.setRangeGridlinePaint(new Color(225, 225, 225));
        TextTitle heading = new TextTitle(name, new Font(Font.SANS_SERIF, Font.BOLD, 12));
        heading.setBackgroundPaint(Color.WHITE);
        plot.addAnnotation(new XYTitleAnnotation(0.02, 0.98, heading, RectangleAnchor.TOP_LEFT));
        return plot;
    }

    /** 0.25, 0.5, 1, 2, ... 32: one tick per doubling. */
    private static LogAxis msgsPerOpAxis() {
        // Room on the right for the labels of the points near 32.
        return log2Axis("server msgs-per-op (log scale)", MIN_X * 0.85, MAX_X * 2.2, "0.##");
    }

    /** A log axis from {@code lower} to {@code upper} with one tick per doubling, labelled as {@code pattern}. */
    static LogAxis log2Axis(String name, double lower, double upper, String pattern) {
        LogAxis axis = new LogAxis(name);
        axis.setBase(2);
        axis.setRange(lower, upper);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setNumberFormatOverride(new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)));
        return axis;
    }

    /** Points only: blue circles for series 0 (ours), red crosses for series 1 (theirs, or a miss). */
    static XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, OURS);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        renderer.setSeriesPaint(1, PUBLISHED);
        renderer.setSeriesShape(1, ShapeUtils.createDiagonalCross(5, 1));
        renderer.setSeriesStroke(1, new BasicStroke(2));
        return renderer;
    }

    /** The published points of the efficiency issue (any language), for comparison. */
    public static List<Point> published() {
        return List.of(
                new Point("hub+acks", 22.7, 175, 213, false),
                new Point("star full 50ms", 14.7, 195, 281, false),
                new Point("star deltas 100ms", 8.5, 250, 390, false),
                new Point("tree4", 12.0, 386, 505, false),
                new Point("tree batch 500ms", 1.92, 764, 1087, false));
    }
}
