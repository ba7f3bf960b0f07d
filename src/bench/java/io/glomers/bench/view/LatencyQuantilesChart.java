package io.glomers.bench.view;

import io.glomers.bench.check.Quantiles;
import io.glomers.bench.history.Op;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code latency-quantiles.png}: the 0.5, 0.95, 0.99 and 1 quantiles of the latency of {@code :ok}
 * client operations in each time window, per operation (Jepsen's {@code quantiles-graph!}: blue,
 * purple, orange, red). Operations that timed out or failed are not in the quantiles (see
 * {@link NotOk}) but drawn apart, each a black mark at its own latency, and the chart says how many.
 * A window with no operation is a break in the lines: a line across it would claim latencies
 * nobody measured. Windows by invocation time; see {@link Buckets} for their width.
 */
public final class LatencyQuantilesChart {

    static final double[] QUANTILES = {0.5, 0.95, 0.99, 1};
    private static final Color[] COLOURS = {new Color(0x1F4FE0), new Color(0xA05CE0), new Color(0xF0A000), new Color(0xE02020)};
    /** Apart from every quantile's colour and every fault's. */
    static final Color NOT_OK = new Color(0x202020);

    private LatencyQuantilesChart() {
    }

    public static JFreeChart of(HistorySpans history, String title, String subtitle) {
        Buckets buckets = Buckets.over(history.endSeconds(), Buckets.QUANTILES);
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = ChartStyle.renderer(true);
        List<String> functions = history.functions();
        for (int fi = 0; fi < functions.size(); fi++) {
            quantileLines(history, functions.get(fi), buckets, data, renderer, fi);
        }
        // After the lines, so the marks are drawn over them.
        for (int fi = 0; fi < functions.size(); fi++) {
            notOkMarks(history, functions.get(fi), data, renderer, fi);
        }
        return ChartStyle.chart(title + " latency",
                ChartStyle.plot(data, ChartStyle.timeAxis(buckets.end(history.endSeconds())), ChartStyle.latencyAxis(),
                        renderer, history.faults()),
                subtitle + " · quantiles over " + buckets.label() + " windows", rule(NotOk.of(history)));
    }

    /** The picture's own statement of what its quantiles count, so it never disagrees silently with the summary. */
    static String rule(NotOk notOk) {
        return "quantiles of ok operations only; " + notOk
                + (notOk.count() == 0 ? "" : ": not in the quantiles, drawn apart as black marks");
    }

    private static void quantileLines(HistorySpans history, String f, Buckets buckets, XYSeriesCollection data,
                                      XYLineAndShapeRenderer renderer, int fi) {
        TreeMap<Integer, List<Double>> windows = new TreeMap<>();
        for (OpSpan span : history.spans()) {
            if (span.f().equals(f) && span.outcome() == Op.Type.OK) {
                windows.computeIfAbsent(buckets.index(span.invokeSeconds()), w -> new ArrayList<>()).add(span.latencyMillis());
            }
        }
        if (windows.isEmpty()) {
            return;
        }
        for (int qi = 0; qi < QUANTILES.length; qi++) {
            XYSeries series = new XYSeries(f + " " + format(QUANTILES[qi]), false, true);
            for (int w = windows.firstKey(); w <= windows.lastKey(); w++) {
                List<Double> window = windows.get(w);
                // No value (NaN) where nothing was invoked: the renderer draws no segment to or from it.
                series.add(buckets.middle(w), window == null ? null : ChartStyle.atFloor(quantile(window, QUANTILES[qi])));
            }
            ChartStyle.series(renderer, data.getSeriesCount(), COLOURS[qi], ChartStyle.shape(fi));
            data.addSeries(series);
        }
    }

    private static void notOkMarks(HistorySpans history, String f, XYSeriesCollection data,
                                   XYLineAndShapeRenderer renderer, int fi) {
        XYSeries series = new XYSeries(f + " not ok", false, true);
        for (OpSpan span : history.spans()) {
            if (span.f().equals(f) && span.completed() && span.outcome() != Op.Type.OK) {
                series.add(span.invokeSeconds(), ChartStyle.atFloor(span.latencyMillis()));
            }
        }
        if (series.getItemCount() > 0) {
            int index = data.getSeriesCount();
            ChartStyle.series(renderer, index, NOT_OK, ChartStyle.shape(fi));
            renderer.setSeriesLinesVisible(index, false);
            data.addSeries(series);
        }
    }

    /** Jepsen's: the value at {@code min(n - 1, floor(n q))} of the sorted values, no interpolation. */
    static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(Quantiles.index(sorted.size(), q));
    }

    private static String format(double q) {
        return q == 1 ? "1" : String.valueOf(q);
    }
}
