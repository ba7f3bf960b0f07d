package io.glomers.bench.view;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * The faults of a run as Jepsen draws nemesis activity: a thin strip above the plot, one row per
 * fault kind, each stretch a solid bar in its kind's colour. Rows rather than shading behind the
 * points because faults overlap (a kill during a partition), and overlapping translucent shadings
 * blend into colours no legend lists.
 */
final class FaultStrip {

    /** Colours apart from the outcomes' and the quantiles': Maelstrom's pale gold for partitions. */
    static final Map<String, Color> COLOURS = Map.of(
            "partition", new Color(0xE8D89A), "kill", new Color(0xA8A8A8), "pause", new Color(0x8FD19E));
    /** A kind the bench does not know (a future nemesis) still gets a row, in a colour the legend shows. */
    static final Color OTHER = new Color(0xC9B3E6);
    /** Rows from the top: Maelstrom's own nemesis first. */
    static final List<String> ORDER = List.of("partition", "kill", "pause");
    /** Kinds in row order, unknown ones after the known by name: the strip's, the legend's and the timeline key's. */
    static final Comparator<String> BY_ROW = Comparator
            .comparing((String kind) -> ORDER.contains(kind) ? ORDER.indexOf(kind) : ORDER.size())
            .thenComparing(Comparator.naturalOrder());
    /**
     * Height of the strip per row against the plot's, as subplot weights: a row about 15 px high,
     * enough for its name (the axis leaves out names that would touch).
     */
    static final int ROW_WEIGHT = 2;
    static final int PLOT_WEIGHT = 34;
    /** Each bar fills this much of its row, so neighbouring rows stay apart. */
    private static final double BAR = 0.8;
    private static final Font ROW_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private FaultStrip() {
    }

    static Color colour(String kind) {
        return COLOURS.getOrDefault(kind, OTHER);
    }

    /** The kinds present, top row first. */
    static List<String> kinds(List<FaultSpan> faults) {
        return faults.stream().map(FaultSpan::kind).distinct().sorted(BY_ROW).toList();
    }

    /** The strip's plot, one series (row) per kind and one interval per stretch; its time axis comes from the chart. */
    static XYPlot plot(List<FaultSpan> faults) {
        List<String> kinds = kinds(faults);
        XYIntervalSeriesCollection rows = new XYIntervalSeriesCollection();
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        for (int row = 0; row < kinds.size(); row++) {
            String kind = kinds.get(row);
            XYIntervalSeries series = new XYIntervalSeries(kind);
            for (FaultSpan fault : faults) {
                if (fault.kind().equals(kind)) {
                    series.add((fault.fromSeconds() + fault.toSeconds()) / 2, fault.fromSeconds(), fault.toSeconds(),
                            row, row - BAR / 2, row + BAR / 2);
                }
            }
            rows.addSeries(series);
            renderer.setSeriesPaint(row, colour(kind));
        }
        SymbolAxis axis = new SymbolAxis(null, kinds.toArray(String[]::new));
        // Grid bands would be grey stripes the legend does not explain.
        axis.setGridBandsVisible(false);
        axis.setInverted(true);
        axis.setTickLabelFont(ROW_LABEL);
        axis.setTickMarksVisible(false);
        axis.setRange(-0.5, kinds.size() - 0.5);
        // Every row named: the automatic unit skips labels that nearly touch.
        axis.setTickUnit(new NumberTickUnit(1), false, false);
        XYPlot plot = new XYPlot(rows, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlinePaint(Color.GRAY);
        return plot;
    }

    /** One legend entry per kind drawn, in the strip's order and in the strip's colours. */
    static List<LegendItem> legend(List<FaultSpan> faults) {
        return kinds(faults).stream().map(kind -> new LegendItem(kind, null, null, null,
                new Rectangle2D.Double(-7, -4, 14, 8), colour(kind))).toList();
    }
}
