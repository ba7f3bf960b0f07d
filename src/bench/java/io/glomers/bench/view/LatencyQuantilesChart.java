package io.glomers.bench.view;

import io.glomers.bench.check.Quantiles;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code latency-quantiles.png}: the 0.5, 0.95, 0.99 and 1 quantiles of client-operation latency
 * in each time window, per operation, whatever the outcome (Jepsen's {@code quantiles-graph!}:
 * blue, purple, orange, red). Windows by invocation time; see {@link Buckets} for their width.
 */
public final class LatencyQuantilesChart {

    static final double[] QUANTILES = {0.5, 0.95, 0.99, 1};
    private static final Color[] COLOURS = {new Color(0x1F4FE0), new Color(0xA05CE0), new Color(0xF0A000), new Color(0xE02020)};

    private LatencyQuantilesChart() {
    }

    public static JFreeChart of(RunHistory history, String title, String subtitle) {
        Buckets buckets = Buckets.over(history.endSeconds(), Buckets.QUANTILES);
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = ChartStyle.renderer(true);
        List<String> functions = history.functions();
        for (int fi = 0; fi < functions.size(); fi++) {
            String f = functions.get(fi);
            Map<Integer, List<Double>> windows = new TreeMap<>();
            for (OpSpan span : history.spans()) {
                if (span.f().equals(f) && span.completed()) {
                    windows.computeIfAbsent(buckets.index(span.invokeSeconds()), w -> new ArrayList<>())
                            .add(span.latencyMillis());
                }
            }
            for (int qi = 0; qi < QUANTILES.length; qi++) {
                XYSeries series = new XYSeries(f + " " + format(QUANTILES[qi]), false, true);
                for (Map.Entry<Integer, List<Double>> window : windows.entrySet()) {
                    series.add(buckets.middle(window.getKey()), ChartStyle.atFloor(quantile(window.getValue(), QUANTILES[qi])));
                }
                ChartStyle.series(renderer, data.getSeriesCount(), COLOURS[qi], ChartStyle.shape(fi));
                data.addSeries(series);
            }
        }
        return ChartStyle.chart(title + " latency", subtitle + " · quantiles over " + buckets.label() + " windows",
                ChartStyle.plot(data, ChartStyle.timeAxis(buckets.end(history.endSeconds())), ChartStyle.latencyAxis(), renderer,
                        history.faults()));
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
