package io.glomers.bench.view;

import io.glomers.bench.history.Op;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code latency-raw.png}: every client operation's latency (invocation to completion) at the time
 * it was invoked, one series per operation and outcome; empty series are left out of the legend,
 * as gnuplot leaves them out of Maelstrom's. Unlike the quantiles, not-ok operations are here, in
 * their outcome's colour, and the chart says so (see {@link NotOk}).
 */
public final class LatencyRawChart {

    private LatencyRawChart() {
    }

    public static JFreeChart of(HistorySpans history, String title, String subtitle) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = ChartStyle.renderer(false);
        List<String> functions = history.functions();
        long floored = 0;
        for (int fi = 0; fi < functions.size(); fi++) {
            String f = functions.get(fi);
            for (Op.Type outcome : ChartStyle.OUTCOMES) {
                XYSeries series = new XYSeries(f + " " + outcome.name().toLowerCase(), false, true);
                for (OpSpan span : history.spans()) {
                    if (span.f().equals(f) && span.outcome() == outcome) {
                        series.add(span.invokeSeconds(), ChartStyle.atFloor(span.latencyMillis()));
                        floored += span.latencyMillis() < ChartStyle.FLOOR_MILLIS ? 1 : 0;
                    }
                }
                if (series.getItemCount() > 0) {
                    ChartStyle.series(renderer, data.getSeriesCount(), ChartStyle.OUTCOME.get(outcome), ChartStyle.shape(fi));
                    data.addSeries(series);
                }
            }
        }
        String note = floored == 0 ? subtitle
                : subtitle + " · " + floored + " answered in zero time, drawn at " + ChartStyle.FLOOR_MILLIS + " ms";
        return ChartStyle.chart(title + " latency", ChartStyle.plot(data, ChartStyle.timeAxis(history.endSeconds()),
                ChartStyle.latencyAxis(), renderer, history.faults()), note, rule(NotOk.of(history)));
    }

    /** What the plot shows, said beside the quantile plot's rule, which leaves the not-ok operations out. */
    static String rule(NotOk notOk) {
        return (notOk.count() == 0 ? "every completed operation; " : "every completed operation, ok or not; ") + notOk;
    }
}
