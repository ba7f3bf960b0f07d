package io.glomers.bench.view;

import io.glomers.bench.history.Op;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * What the run's three plots share, after Jepsen's perf checker: 900 x 400 pixels, time in seconds
 * across, the legend outside on the right, one colour per outcome (ok blue, info orange, fail pink)
 * and one shape per operation (broadcast a square, read a circle), and the faults in a strip above
 * the plot ({@link FaultStrip}).
 */
final class ChartStyle {

    static final int WIDTH = 900;
    static final int HEIGHT = 400;
    /** Jepsen's outcome colours. */
    static final Map<Op.Type, Color> OUTCOME = Map.of(
            Op.Type.OK, new Color(0x81BFFC), Op.Type.INFO, new Color(0xFFA400), Op.Type.FAIL, new Color(0xFF1E90));
    /** The order Jepsen's legends list outcomes in. */
    static final List<Op.Type> OUTCOMES = List.of(Op.Type.OK, Op.Type.INFO, Op.Type.FAIL);
    /**
     * Latencies are drawn on a log scale, which has no zero; an operation answered in no time (a
     * simulated host with no CPU costs answers at the instant it is asked) is drawn at this floor,
     * and the subtitle says how many were.
     */
    static final double FLOOR_MILLIS = 0.001;

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Color GRID = new Color(0xE4E4E4);

    static {
        // Drawing needs no display: the bench runs on servers and in CI.
        System.setProperty("java.awt.headless", "true");
    }

    private ChartStyle() {
    }

    /** Square, circle, triangle, diamond: one per operation, in sorted order, as Jepsen's point types. */
    static Shape shape(int functionIndex) {
        double s = 7;
        return switch (functionIndex % 4) {
            case 0 -> new Rectangle2D.Double(-s / 2, -s / 2, s, s);
            case 1 -> new Ellipse2D.Double(-s / 2, -s / 2, s, s);
            case 2 -> polygon(new double[] {0, -s / 2, s / 2, s / 2, -s / 2, s / 2});
            default -> polygon(new double[] {0, -s / 2, s / 2, 0, 0, s / 2, -s / 2, 0});
        };
    }

    private static Shape polygon(double[] xy) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        path.closePath();
        return path;
    }

    static NumberAxis timeAxis(double endSeconds) {
        NumberAxis axis = new NumberAxis("Time (s)");
        axis.setRange(0, Math.max(1, endSeconds) * 1.01);
        axis.setLabelFont(LABEL);
        return axis;
    }

    static LogAxis latencyAxis() {
        LogAxis axis = new LogAxis("Latency (ms)");
        axis.setBase(10);
        axis.setSmallestValue(FLOOR_MILLIS);
        axis.setNumberFormatOverride(new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        axis.setLabelFont(LABEL);
        return axis;
    }

    static double atFloor(double millis) {
        return Math.max(FLOOR_MILLIS, millis);
    }

    static NumberAxis rateAxis() {
        NumberAxis axis = new NumberAxis("Throughput (hz)");
        axis.setAutoRangeIncludesZero(true);
        axis.setLabelFont(LABEL);
        return axis;
    }

    /** Points only (the raw latencies) or lines through the points (quantiles, rates). */
    static XYLineAndShapeRenderer renderer(boolean lines) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(lines, true);
        renderer.setDrawOutlines(true);
        renderer.setUseFillPaint(false);
        renderer.setDefaultShapesFilled(false);
        return renderer;
    }

    static void series(XYLineAndShapeRenderer renderer, int series, Color colour, Shape shape) {
        renderer.setSeriesPaint(series, colour);
        renderer.setSeriesShape(series, shape);
        renderer.setSeriesShapesFilled(series, false);
        renderer.setSeriesStroke(series, new BasicStroke(1.2f));
    }

    /**
     * The data's plot under the run's fault strip (when it had faults), sharing the time axis, with
     * one legend: the data's series, then the fault kinds.
     */
    static CombinedDomainXYPlot plot(XYSeriesCollection data, ValueAxis time, ValueAxis y,
                                     XYLineAndShapeRenderer renderer, List<FaultSpan> faults) {
        if (y instanceof LogAxis log) {
            decades(log, data);
        }
        XYPlot plot = new XYPlot(data, null, y, renderer);
        plot.setNoDataMessage("no client operations in this run");
        plot.setNoDataMessageFont(LABEL);
        // Later series on top, as the legend lists them: rare outcomes over ok, the maximum over the median.
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(Color.GRAY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        LegendItemCollection legend = plot.getLegendItems();
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(time);
        combined.setGap(4);
        combined.setOutlinePaint(null);
        if (!faults.isEmpty()) {
            combined.add(FaultStrip.plot(faults), FaultStrip.ROW_WEIGHT * FaultStrip.kinds(faults).size());
            FaultStrip.legend(faults).forEach(legend::add);
        }
        combined.add(plot, FaultStrip.PLOT_WEIGHT);
        combined.setFixedLegendItems(legend);
        return combined;
    }

    /** The plot of a chart's operations, below its fault strip. */
    static XYPlot dataPlot(JFreeChart chart) {
        List<XYPlot> plots = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots();
        return plots.get(plots.size() - 1);
    }

    /**
     * Whole decades, labelled 1, 10, 100 ms: the automatic choice ticks at 10^0.2 steps (1.585,
     * 2.512, ...) and, when every latency is the same (the simulator's zeros), labels one value ten
     * times. A little room beyond the outer decades keeps points on them off the plot's edge.
     */
    private static void decades(LogAxis axis, XYSeriesCollection data) {
        Range range = DatasetUtils.findRangeBounds(data);
        // No operations (a run that failed in its setup): an empty plot over 1 ms to 1 s.
        boolean none = range == null || range.getLowerBound() <= 0;
        double low = none ? 1 : Math.pow(10, Math.floor(Math.log10(range.getLowerBound())));
        double high = none ? 1000 : Math.pow(10, Math.ceil(Math.log10(range.getUpperBound())));
        if (high <= low) {
            high = low * 10;
        }
        axis.setRange(low / 1.3, high * 1.3);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setMinorTickMarksVisible(true);
    }

    /**
     * The chart around a plot: title, lines under it (what the run was; what the plot counts and
     * leaves out), legend at the right.
     */
    static JFreeChart chart(String title, XYPlot plot, String... lines) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        for (String text : lines) {
            if (text != null && !text.isBlank()) {
                TextTitle line = new TextTitle(text, SMALL);
                line.setPaint(Color.DARK_GRAY);
                chart.addSubtitle(line);
            }
        }
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setVerticalAlignment(VerticalAlignment.TOP);
        legend.setFrame(BlockBorder.NONE);
        legend.setItemFont(LABEL);
        legend.setMargin(new RectangleInsets(8, 12, 8, 4));
        return chart;
    }

    static void writePng(JFreeChart chart, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
