package io.glomers.bench.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.history.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** The quantile plot on histories made to order: a silence in the middle, an operation that never succeeds. */
class LatencyQuantilesChartTest {

    @Test
    void aLineStopsAtAWindowWithoutOperationsAndGoesOnAfterIt() {
        List<Op> ops = new ArrayList<>();
        // Broadcasts every 100 ms for 3 s, nothing for 5 s, then again for 3 s.
        for (int i = 0; i < 30; i++) {
            answered(ops, 0, "broadcast", i * 100, 2);
        }
        for (int i = 0; i < 30; i++) {
            answered(ops, 0, "broadcast", 8000 + i * 100, 3);
        }
        HistorySpans history = HistorySpans.of(ops);
        Buckets buckets = Buckets.over(history.endSeconds(), Buckets.QUANTILES);

        XYDataset data = ChartStyle.dataPlot(LatencyQuantilesChart.of(history, "t", "s")).getDataset();

        for (int s = 0; s < data.getSeriesCount(); s++) {
            int series = s;
            assertThat(RunPicturesTest.segmentsAcrossGaps(data, series, buckets.width())).isEmpty();
            List<Double> silent = IntStream.range(0, data.getItemCount(series)).filter(i -> Double.isNaN(data.getYValue(series, i)))
                    .mapToObj(i -> data.getXValue(series, i)).toList();
            assertThat(silent).as("the silent windows, and only they, have no value").isNotEmpty()
                    .allMatch(x -> x > 3 && x < 8);
        }
    }

    @Test
    void anOperationThatNeverSucceedsHasNoQuantilesOnlyItsMarksAndTheLegendListsOnlyWhatIsDrawn() {
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answered(ops, 0, "broadcast", i * 200, 2);
            // Each read on a process of its own: they overlap, as timed-out clients do.
            completed(ops, 100 + i, "read", i * 200 + 50, 5000, Op.Type.FAIL);
        }
        HistorySpans history = HistorySpans.of(ops);

        JFreeChart chart = LatencyQuantilesChart.of(history, "t", "s");
        XYDataset data = ChartStyle.dataPlot(chart).getDataset();
        List<String> keys = IntStream.range(0, data.getSeriesCount()).mapToObj(s -> data.getSeriesKey(s).toString()).toList();

        assertThat(keys).noneMatch(key -> key.startsWith("read 0") || key.equals("read 1")).contains("read not ok")
                .doesNotContain("broadcast not ok");
        assertThat(data.getItemCount(keys.indexOf("read not ok"))).isEqualTo(20);
        LegendItemCollection legend = chart.getPlot().getLegendItems();
        assertThat(IntStream.range(0, legend.getItemCount()).mapToObj(i -> legend.get(i).getLabel()).toList())
                .isEqualTo(keys);
        assertThat(RunPicturesTest.subtitles(chart)).contains(LatencyQuantilesChart.rule(NotOk.of(history)));
        assertThat(LatencyQuantilesChart.rule(NotOk.of(history))).contains(new NotOk(0, 20).toString());
    }

    private static void answered(List<Op> ops, int process, String f, long atMillis, long tookMillis) {
        completed(ops, process, f, atMillis, tookMillis, Op.Type.OK);
    }

    /** An invocation and its completion. */
    private static void completed(List<Op> ops, int process, String f, long atMillis, long tookMillis, Op.Type outcome) {
        ops.add(new Op(0, atMillis * 1_000_000, Op.Type.INVOKE, process, f, null, false));
        ops.add(new Op(0, (atMillis + tookMillis) * 1_000_000, outcome, process, f, null, false));
    }
}
