package io.glomers.bench.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.run.BenchResult;
import io.glomers.bench.check.CheckOutcome;
import io.glomers.bench.check.Keyword;
import io.glomers.bench.options.RunArguments;
import io.glomers.bench.check.NetStats;
import io.glomers.bench.view.LatencyQuantilesChart;
import io.glomers.bench.view.NotOk;
import io.glomers.bench.view.RunFiles;
import io.glomers.bench.view.HistorySpans;
import io.glomers.bench.view.SimulatedRuns;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactSummaryTest {

    @Test
    void aValid3dRunFitsInFifteenLinesWithEverythingAUserLooksFor(@TempDir Path store) throws IOException {
        BenchResult run = SimulatedRuns.write(store, 3, "3d", "--recovery-wait", "1");
        List<String> lines = CompactSummary.lines(run, OpTally.of(run.history()));
        System.err.println(String.join("\n", lines));

        assertThat(run.valid()).isTrue();
        assertThat(lines).hasSizeLessThanOrEqualTo(15);
        assertThat(lines.get(0)).startsWith("3d VALID: " + run.operations() + " operations, 25 node(s)")
                .endsWith("seed 3");
        String all = String.join("\n", lines);
        assertThat(all).contains("broadcast ").contains(" ok").contains("25 final reads")
                .contains(String.format(Locale.ROOT, "servers %.2f per op", run.net().serversPerOp()))
                .contains("latency median " + run.outcome().stableLatencies().get(0.5) + ", p95 ")
                .contains("lost         none; never read: none")
                .contains("targets 3d: servers msgs-per-op")
                .contains(run.dir().toString()).contains(store.resolve("latest").toString())
                .contains("bin/challenge serve");
        // A 3d journal is too long for a usable diagram: the summary says so and how to draw it anyway.
        assertThat(all).contains("messages.svg not drawn").contains("--svg-events all");
    }

    @Test
    void theLatencyLineSaysItCountsOkOperationsOnlyAndHowManyTimedOutInTheQuantilePlotsWords(@TempDir Path store)
            throws IOException {
        BenchResult run = SimulatedRuns.write(store, 11, "3c", "--time-limit", "6", "--nemesis", "partition,kill,pause",
                "--nemesis-interval", "1", "--recovery-wait", "1");
        HistorySpans history = HistorySpans.read(run.dir().resolve(RunFiles.HISTORY));
        NotOk notOk = NotOk.of(history);
        assertThat(notOk.count()).as("kills and pauses made clients time out").isPositive();

        String latency = CompactSummary.lines(run, OpTally.of(run.history())).stream()
                .filter(line -> line.startsWith("  op latency")).findFirst().orElseThrow();

        assertThat(latency).contains("ok only").contains(notOk + ", left out");
        JFreeChart quantiles = LatencyQuantilesChart.of(history, "3c broadcast", "");
        assertThat(IntStream.range(0, quantiles.getSubtitleCount()).mapToObj(quantiles::getSubtitle)
                .filter(TextTitle.class::isInstance).map(title -> ((TextTitle) title).getText()))
                .anyMatch(line -> line.contains("ok operations only") && line.contains(notOk.toString()));
    }

    @Test
    void anInvalidRunSaysWhyAndListsOnlyAFewOfItsLostValues() {
        List<Long> lost = LongStream.range(100, 120).boxed().toList();
        BenchOptions options = RunArguments.parse(List.of("3c", "--store-runs", "none"), 5);
        CheckOutcome outcome = new CheckOutcome(false, lost, 80, 4, 2, new TreeMap<>(Map.of(0.5, 10L, 1.0, 90L)),
                Map.of(Keyword.of("never-read"), List.of(7L, 8L), Keyword.of("stale-count"), 4L));
        BenchResult result = new BenchResult(options, null, List.of(), new NetStats(
                new NetStats.Counts(900, 900, 900), new NetStats.Counts(400, 400, 400), new NetStats.Counts(500, 500, 500), 200),
                outcome, List.of(), null, List.of("lost 20 value(s): [100, 101, ...]"));

        List<String> lines = CompactSummary.lines(result, new OpTally());

        assertThat(lines.get(0)).startsWith("3c INVALID: 200 operations");
        assertThat(lines).contains("  why          lost 20 value(s): [100, 101, ...]",
                "  lost         20: 100 101 102 103 104 105 106 107 ... (12 more); never read: 2: 7 8",
                "  messages     servers 2.50 per op, all 4.50 per op (900 messages)",
                "  operations   none completed",
                "  run          not stored (--store-runs none)");
    }
}
