package io.glomers.bench.view;

import io.glomers.bench.history.Op;
import java.util.List;
import java.util.stream.LongStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code rate.png}: client operations completed per second in each time window, per operation and
 * outcome, as Jepsen's {@code rate-graph!}. Only the operation-outcome pairs that happened are drawn
 * and listed (six series, four of them flat on zero, hid the two that mattered); for those, every
 * window from the start to the end is drawn, zeros too, since a window without completions is a
 * measured rate of zero. Windows by completion time; see {@link Buckets}.
 */
public final class RateChart {

    private RateChart() {
    }

    public static JFreeChart of(HistorySpans history, String title, String subtitle) {
        Buckets buckets = Buckets.over(history.endSeconds(), Buckets.RATES);
        int windows = buckets.index(history.endSeconds()) + 1;
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = ChartStyle.renderer(true);
        List<String> functions = history.functions();
        for (int fi = 0; fi < functions.size(); fi++) {
            String f = functions.get(fi);
            for (Op.Type outcome : ChartStyle.OUTCOMES) {
                long[] counts = new long[windows];
                for (OpSpan span : history.spans()) {
                    if (span.f().equals(f) && span.outcome() == outcome) {
                        counts[Math.min(windows - 1, buckets.index(span.completeSeconds()))]++;
                    }
                }
                if (LongStream.of(counts).sum() == 0) {
                    continue;
                }
                XYSeries series = new XYSeries(f + " " + outcome.name().toLowerCase(), false, true);
                for (int w = 0; w < windows; w++) {
                    series.add(buckets.middle(w), counts[w] / buckets.width());
                }
                ChartStyle.series(renderer, data.getSeriesCount(), ChartStyle.OUTCOME.get(outcome), ChartStyle.shape(fi));
                data.addSeries(series);
            }
        }
        return ChartStyle.chart(title + " rate", ChartStyle.plot(data, ChartStyle.timeAxis(buckets.end(history.endSeconds())),
                        ChartStyle.rateAxis(), renderer, history.faults()),
                subtitle + " · completions per " + buckets.label() + " window, by outcome");
    }
}
