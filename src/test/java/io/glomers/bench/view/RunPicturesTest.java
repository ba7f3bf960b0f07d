package io.glomers.bench.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.run.BenchResult;
import io.glomers.bench.history.Op;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The pictures of a real (simulated) run with all three nemeses (partitions, kills and pauses, which
 * overlap), checked against the files they were drawn from.
 */
class RunPicturesTest {

    @TempDir
    static Path store;

    static BenchResult run;

    static HistorySpans history;

    @BeforeAll
    static void aRunWithEveryFault() throws IOException {
        run = SimulatedRuns.write(store, 11, "3c", "--time-limit", "6", "--nemesis", "partition,kill,pause",
                "--nemesis-interval", "1", "--recovery-wait", "1");
        history = HistorySpans.read(run.dir().resolve(RunFiles.HISTORY));
    }

    @Test
    void everyPictureIsBesideTheResultsAndLatestPointsAtTheRun() throws IOException {
        for (String picture : RunFiles.PICTURES) {
            assertThat(run.dir().resolve(picture)).as(picture).isNotEmptyFile();
        }
        Path latest = store.resolve(RunFiles.LATEST);
        assertThat(latest).isSymbolicLink();
        assertThat(latest.toRealPath()).isEqualTo(run.dir().toRealPath());
    }

    @Test
    void thePlotsDecodeAtMaelstromsSizeAndShowTheOutcomeAndFaultColours() throws IOException {
        for (String png : List.of(RunFiles.LATENCY_RAW, RunFiles.LATENCY_QUANTILES, RunFiles.RATE)) {
            BufferedImage image = ImageIO.read(run.dir().resolve(png).toFile());
            assertThat(image).as(png).isNotNull();
            assertThat(image.getWidth()).as(png).isEqualTo(900);
            assertThat(image.getHeight()).as(png).isEqualTo(400);
        }
        BufferedImage raw = ImageIO.read(run.dir().resolve(RunFiles.LATENCY_RAW).toFile());
        assertThat(pixels(raw, 0x81BFFC)).as("ok-blue points").isGreaterThan(50);
        // Each fault's row is solid, in exactly its legend colour (a stretch of it, which text never is): nothing blends.
        for (String kind : FaultStrip.kinds(history.faults())) {
            assertThat(longestRun(raw, FaultStrip.colour(kind).getRGB())).as(kind + " row").isGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void theRawPlotHasOnePointPerCompletedOperationAtItsInvocation() {
        JFreeChart chart = LatencyRawChart.of(history, "3c broadcast", "test");
        XYDataset data = ChartStyle.dataPlot(chart).getDataset();
        long completed = run.history().stream().filter(op -> op.isClient() && op.type() != Op.Type.INVOKE).count();
        assertThat(IntStream.range(0, data.getSeriesCount()).map(data::getItemCount).sum()).isEqualTo((int) completed);
        assertThat(keys(data)).containsExactlyElementsOf(outcomeSeries());
        List<Double> invoked = history.spans().stream().filter(s -> s.f().equals("read") && s.outcome() == Op.Type.OK)
                .map(OpSpan::invokeSeconds).toList();
        int reads = keys(data).indexOf("read ok");
        assertThat(IntStream.range(0, data.getItemCount(reads)).mapToObj(i -> data.getXValue(reads, i)).toList())
                .isEqualTo(invoked);
        // The log axis has no zero: operations answered in no time are drawn at its floor, and counted.
        long instant = history.spans().stream().filter(s -> s.completed() && s.latencyMillis() < ChartStyle.FLOOR_MILLIS).count();
        String subtitle = ((TextTitle) chart.getSubtitle(1)).getText();
        if (instant > 0) {
            assertThat(subtitle).endsWith(instant + " answered in zero time, drawn at 0.001 ms");
        } else {
            assertThat(subtitle).isEqualTo("test");
        }
        assertThat(IntStream.range(0, data.getItemCount(reads)).mapToDouble(i -> data.getYValue(reads, i)).min().orElseThrow())
                .isGreaterThanOrEqualTo(ChartStyle.FLOOR_MILLIS);
    }

    @Test
    void theRateCountsEveryCompletionOnceInTheSeriesThatHappened() {
        JFreeChart chart = RateChart.of(history, "3c broadcast", "test");
        XYDataset data = ChartStyle.dataPlot(chart).getDataset();
        double width = Buckets.over(history.endSeconds(), Buckets.RATES).width();
        double counted = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                counted += data.getYValue(s, i) * width;
            }
        }
        long completed = run.history().stream().filter(op -> op.isClient() && op.type() != Op.Type.INVOKE).count();
        assertThat(Math.round(counted)).isEqualTo(completed);
        assertThat(keys(data)).containsExactlyElementsOf(outcomeSeries());
    }

    @Test
    void theFaultsAreWhenTheNemesisSaidThey() {
        List<Op> nemesis = run.history().stream().filter(op -> !op.isClient()).toList();
        double firstStart = nemesis.stream().filter(op -> op.f().equals("start-partition")).findFirst().orElseThrow().time() / 1e9;
        double firstStop = nemesis.stream().filter(op -> op.f().equals("stop-partition")).findFirst().orElseThrow().time() / 1e9;
        assertThat(history.faults().stream().filter(fault -> fault.kind().equals("partition")).findFirst())
                .contains(new FaultSpan("partition", firstStart, firstStop));
    }

    @Test
    void theQuantilesTopLineIsEachWindowsSlowestOperation() {
        JFreeChart chart = LatencyQuantilesChart.of(history, "3c broadcast", "test");
        XYDataset data = ChartStyle.dataPlot(chart).getDataset();
        int top = keys(data).indexOf("read 1");
        Buckets buckets = Buckets.over(history.endSeconds(), Buckets.QUANTILES);
        Map<Integer, Double> slowest = history.spans().stream().filter(s -> s.f().equals("read") && s.outcome() == Op.Type.OK)
                .collect(Collectors.toMap(s -> buckets.index(s.invokeSeconds()), s -> ChartStyle.atFloor(s.latencyMillis()),
                        Math::max));
        List<Integer> drawn = IntStream.range(0, data.getItemCount(top)).filter(i -> !Double.isNaN(data.getYValue(top, i)))
                .boxed().toList();
        assertThat(drawn).hasSameSizeAs(slowest.keySet());
        for (int i : drawn) {
            int window = buckets.index(data.getXValue(top, i));
            assertThat(data.getYValue(top, i)).isEqualTo(slowest.get(window));
        }
    }

    @Test
    void theDiagramHasOneArrowPerReceiptAndOneCrossPerDrop() throws Exception {
        List<String> journal = Files.readAllLines(run.dir().resolve(RunFiles.JOURNAL));
        long receipts = journal.stream().filter(line -> line.contains(" recv #")).count();
        long drops = journal.stream().filter(line -> line.contains(" drop #")).count();
        String svg = Files.readString(run.dir().resolve(RunFiles.MESSAGES_SVG));
        assertThat(count(svg, "<g class=\"msg ")).isEqualTo(receipts);
        assertThat(drops).as("the partitions dropped messages").isPositive();
        assertThat(count(svg, "<g class=\"drop\"")).isEqualTo(drops);
        // Every arrow carries its whole message for the hover, and the file is well-formed XML.
        assertThat(count(svg, "<title>")).isEqualTo(receipts + drops);
        Document parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(run.dir().resolve(RunFiles.MESSAGES_SVG).toFile());
        assertThat(parsed.getDocumentElement().getTagName()).isEqualTo("svg");
        // One lane per client and node the journal names.
        assertThat(count(svg, "<line class=\"lane\"")).isEqualTo(journal.stream().filter(line -> line.contains(" #"))
                .flatMap(line -> {
                    Matcher m = Pattern.compile(" #\\d+ (\\S+) -> (\\S+) ").matcher(line);
                    return m.find() ? Stream.of(m.group(1), m.group(2)) : Stream.empty();
                }).distinct().count());
    }

    @Test
    void theDiagramsLegendListsExactlyTheKindsOfArrowItDraws(@TempDir Path elsewhere) throws IOException {
        Map<String, String> legend = Map.of("msg client", "client message", "msg server", "server message",
                "msg error", "error reply", "drop", "dropped (partition)");
        Path journal = run.dir().resolve(RunFiles.JOURNAL);
        // The whole run (partitions drop messages), and its set-up alone (nothing is dropped before the workload).
        for (DiagramOptions options : List.of(DiagramOptions.DEFAULT, DiagramOptions.DEFAULT.withWindow(Double.NEGATIVE_INFINITY, 0))) {
            Path svg = elsewhere.resolve("diagram.svg");
            LamportDiagram.write(journal, svg, options);
            String text = Files.readString(svg);
            String key = text.substring(text.indexOf("<g class=\"legend\">"), text.indexOf("</g>", text.indexOf("<g class=\"legend\">")));
            legend.forEach((drawnAs, label) -> assertThat(key.contains(">" + label + "<"))
                    .as("the legend lists %s exactly when the diagram has one", label).isEqualTo(text.contains("<g class=\"" + drawnAs)));
        }
        String whole = Files.readString(run.dir().resolve(RunFiles.MESSAGES_SVG));
        // A drop ends in a red cross, and so does its legend's symbol.
        assertThat(whole.substring(whole.indexOf("<g class=\"legend\">"))).contains(">dropped (partition)<")
                .containsPattern("stroke=\"#d33\"[^>]*/><text[^>]*>dropped \\(partition\\)<");
        assertThat(whole).contains(".drop path { stroke: #d33;");
        assertThat(Files.readString(elsewhere.resolve("diagram.svg"))).as("the set-up, before any partition")
                .doesNotContain("<g class=\"drop\"", ">dropped (partition)<");
    }

    @Test
    void aDiagramOverTheLimitIsNotDrawnAndTheNoteSaysHowToDrawItAnyway(@TempDir Path elsewhere) throws IOException {
        Path svg = elsewhere.resolve(RunFiles.MESSAGES_SVG);
        LamportDiagram.Outcome outcome = LamportDiagram.write(run.dir().resolve(RunFiles.JOURNAL), svg,
                DiagramOptions.DEFAULT.withLimit(100));
        assertThat(outcome.drawn()).isFalse();
        assertThat(outcome.events()).isGreaterThan(100);
        assertThat(svg).doesNotExist();
        assertThat(RunPictures.tooLong(run.dir(), outcome.events(), DiagramOptions.DEFAULT.withLimit(100)))
                .contains("--svg-events all").contains("--svg-from");
    }

    @Test
    void aWindowDrawsOnlyTheEventsInsideIt(@TempDir Path elsewhere) throws IOException {
        Path journal = run.dir().resolve(RunFiles.JOURNAL);
        MessageLogWindow all = MessageLogWindow.read(journal, DiagramOptions.DEFAULT.withLimit(0));
        long inside = all.events().stream().filter(MessageLogEvent::isMessage)
                .filter(event -> all.seconds(event.nanos()) >= 1 && all.seconds(event.nanos()) <= 2).count();
        LamportDiagram.Outcome outcome = LamportDiagram.write(journal, elsewhere.resolve("w.svg"),
                DiagramOptions.DEFAULT.withWindow(1, 2));
        assertThat(outcome.drawn()).isTrue();
        assertThat(outcome.events()).isEqualTo(inside).isPositive();
        assertThat(outcome.arrows()).isPositive().isLessThanOrEqualTo((int) inside);
    }

    @Test
    void theTimelineHasABarPerOperationAndPerNemesisEntry() throws IOException {
        String html = Files.readString(run.dir().resolve(RunFiles.TIMELINE));
        long operations = run.history().stream().filter(op -> op.isClient() && op.type() == Op.Type.INVOKE).count();
        long nemesis = run.history().stream().filter(op -> !op.isClient()).count();
        assertThat(count(html, "<div class=\"op ") - count(html, "<div class=\"op nemesis")).isEqualTo(operations);
        assertThat(count(html, "<div class=\"op nemesis")).isEqualTo(nemesis);
    }

    @Test
    void theFaultsAreRowsAboveEachPlotInExactlyTheColoursTheLegendLists() {
        assertThat(FaultStrip.kinds(history.faults())).as("the run had every fault").hasSize(3);
        assertThat(overlapping(history.faults())).as("and some overlapped, which shading blended").isTrue();
        for (JFreeChart chart : charts()) {
            List<XYPlot> plots = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots();
            assertThat(plots).hasSize(2);
            XYPlot strip = plots.get(0);
            XYPlot data = ChartStyle.dataPlot(chart);
            assertThat(data.getDomainMarkers(Layer.BACKGROUND)).as("nothing shaded behind the points").isNullOrEmpty();
            assertThat(data.getDomainMarkers(Layer.FOREGROUND)).isNullOrEmpty();
            Map<String, Paint> rows = IntStream.range(0, strip.getDataset().getSeriesCount()).boxed().collect(Collectors.toMap(
                    row -> strip.getDataset().getSeriesKey(row).toString(), row -> strip.getRenderer().getSeriesPaint(row)));
            LegendItemCollection items = chart.getPlot().getLegendItems();
            Map<String, Paint> legend = IntStream.range(0, items.getItemCount()).mapToObj(items::get)
                    .filter(item -> rows.containsKey(item.getLabel()))
                    .collect(Collectors.toMap(LegendItem::getLabel, LegendItem::getFillPaint));
            assertThat(legend).isEqualTo(rows);
            // And nothing else in the legend but the plotted series.
            List<String> seriesKeys = keys(data.getDataset());
            assertThat(IntStream.range(0, items.getItemCount()).mapToObj(i -> items.get(i).getLabel())
                    .filter(label -> !seriesKeys.contains(label)).toList()).containsExactlyElementsOf(FaultStrip.kinds(history.faults()));
            assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(FaultStrip.kinds(history.faults()));
            // One row per kind, each holding every stretch of its kind and no two stretches of it at once.
            for (int row = 0; row < strip.getDataset().getSeriesCount(); row++) {
                String kind = strip.getDataset().getSeriesKey(row).toString();
                List<FaultSpan> ofKind = history.faults().stream().filter(f -> f.kind().equals(kind)).toList();
                assertThat(strip.getDataset().getItemCount(row)).isEqualTo(ofKind.size());
                assertThat(overlapping(ofKind)).as(kind).isFalse();
            }
        }
    }

    /**
     * Pixel by pixel, as a reader sees the files: in the fault rows, every coloured pixel is one fault's legend
     * colour or that colour thinned towards the white or grey beside it (anti-aliased edges); a partition's
     * shading over a kill's once showed an orange no legend had, and one row per kind leaves no such mix.
     * Over the data, where markers and lines of two series overlap, their anti-aliased edges may mix those two
     * series' colours too, and nothing else: no colour from outside the legend.
     */
    @Test
    void everyColourInEachPlotIsOneItsLegendExplains() throws IOException {
        List<String> files = List.of(RunFiles.LATENCY_RAW, RunFiles.LATENCY_QUANTILES, RunFiles.RATE);
        List<JFreeChart> charts = charts();
        for (int i = 0; i < files.size(); i++) {
            BufferedImage image = ImageIO.read(run.dir().resolve(files.get(i)).toFile());
            ChartRenderingInfo drawn = new ChartRenderingInfo();
            charts.get(i).createBufferedImage(image.getWidth(), image.getHeight(), drawn);
            Rectangle2D strip = drawn.getPlotInfo().getSubplotInfo(0).getDataArea();
            List<Color> faults = FaultStrip.kinds(history.faults()).stream().map(FaultStrip::colour).toList();
            List<Color> series = legendColours(charts.get(i)).stream().filter(colour -> !faults.contains(colour)).toList();
            List<String> unexplained = new ArrayList<>();
            long coloured = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    if (chroma(rgb) < 30) {
                        continue;
                    }
                    coloured++;
                    boolean explained = Stream.concat(faults.stream(), series.stream()).anyMatch(c -> thinned(rgb, c, null))
                            || !strip.contains(x, y) && series.stream().anyMatch(a -> series.stream().anyMatch(b -> thinned(rgb, a, b)));
                    if (!explained) {
                        unexplained.add(String.format("#%06x at %d,%d", rgb & 0xFFFFFF, x, y));
                    }
                }
            }
            assertThat(coloured).as(files.get(i) + " has coloured pixels").isGreaterThan(500);
            assertThat(unexplained.size()).as("%s: pixels of no legend colour, e.g. %s", files.get(i),
                    unexplained.subList(0, Math.min(5, unexplained.size()))).isZero();
        }
    }

    @Test
    void aQuantileLineNeverSpansAWindowWithoutOperations() {
        JFreeChart chart = LatencyQuantilesChart.of(history, "3c broadcast", "test");
        XYDataset data = ChartStyle.dataPlot(chart).getDataset();
        double width = Buckets.over(history.endSeconds(), Buckets.QUANTILES).width();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            if (!keys(data).get(s).endsWith(" not ok")) {
                assertThat(segmentsAcrossGaps(data, s, width)).as(keys(data).get(s)).isEmpty();
            }
        }
    }

    @Test
    void theQuantilesAreOfOkOperationsAndThePlotsSayHowManyTimedOutOrFailed() {
        NotOk notOk = NotOk.of(history);
        assertThat(notOk.count()).as("the faults made operations time out").isPositive();
        JFreeChart quantiles = LatencyQuantilesChart.of(history, "3c broadcast", "test");
        XYDataset data = ChartStyle.dataPlot(quantiles).getDataset();
        double slowestOk = history.spans().stream().filter(s -> s.outcome() == Op.Type.OK).mapToDouble(OpSpan::latencyMillis)
                .max().orElseThrow();
        long marks = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                if (keys(data).get(s).endsWith(" not ok")) {
                    marks++;
                } else if (!Double.isNaN(data.getYValue(s, i))) {
                    assertThat(data.getYValue(s, i)).isLessThanOrEqualTo(ChartStyle.atFloor(slowestOk));
                }
            }
        }
        assertThat(marks).as("every operation left out is drawn apart").isEqualTo(notOk.count());
        assertThat(subtitles(quantiles)).anyMatch(line -> line.contains("ok operations only") && line.contains(notOk.toString())
                && line.contains("not in the quantiles"));
        assertThat(subtitles(LatencyRawChart.of(history, "3c broadcast", "test"))).anyMatch(line -> line.contains(notOk.toString()));
    }

    @Test
    void theTimelinesKeyListsExactlyTheColoursItsBarsHave(@TempDir Path elsewhere) throws IOException {
        String html = Files.readString(run.dir().resolve(RunFiles.TIMELINE));
        assertThat(keyClasses(html)).as("this run had every outcome but never-completed operations")
                .containsExactlyInAnyOrderElementsOf(barClasses(html)).contains("ok", "info", "fail");
        // A run where every operation was ok: the key says so and lists nothing else.
        Path okOnly = elsewhere.resolve("timeline.html");
        HistorySpans quiet = HistorySpans.read(SimulatedRuns.write(elsewhere, 3, "3b", "--time-limit", "2", "--recovery-wait", "0")
                .dir().resolve(RunFiles.HISTORY));
        TimelinePage.write(quiet, "3b broadcast", okOnly);
        assertThat(keyClasses(Files.readString(okOnly))).containsExactly("ok");
    }

    /** The classes the key shows, as the bars name them ("ok", "nemesis kill"). */
    private static List<String> keyClasses(String html) {
        String key = html.substring(html.indexOf("<p class=\"key\">"), html.indexOf("</p>", html.indexOf("<p class=\"key\">")));
        return Pattern.compile("<span class=\"([^\"]+)\"").matcher(key).results().map(m -> m.group(1)).toList();
    }

    private static List<String> barClasses(String html) {
        return Pattern.compile("<div class=\"op ([^\"]+)\"").matcher(html).results().map(m -> m.group(1)).distinct().toList();
    }

    @Test
    void theTimelineKeepsItsProcessNamesAndEachRowsTimeInViewWhileScrolling() throws IOException {
        String html = Files.readString(run.dir().resolve(RunFiles.TIMELINE));
        assertThat(cssRule(html, ".heads")).contains("position: sticky").contains("top: 0");
        // The corner stays over the process names that scroll under it.
        assertThat(cssRule(html, ".heads .corner")).contains("position: sticky").contains("left: 0").contains("z-index: 1");
        assertThat(cssRule(html, ".times")).contains("position: sticky").contains("left: 0");
        // Bars start right of the time column, so at rest it hides none of them.
        assertThat(Pattern.compile("class=\"op [^\"]*\" style=\"left:(\\d+)px").matcher(html).results()
                .mapToInt(m -> Integer.parseInt(m.group(1))).min().orElseThrow()).isGreaterThanOrEqualTo(TimelinePage.TIMES);
        // One time per history entry, in the history's order.
        String times = html.substring(html.indexOf("<div class=\"times\""), html.indexOf("</div>\n<div class=\"op "));
        List<Double> seconds = Pattern.compile(">(\\d+\\.\\d{3})</div>").matcher(times).results()
                .map(m -> Double.parseDouble(m.group(1))).toList();
        assertThat(seconds).hasSize(run.history().size()).isSorted();
    }

    /** "broadcast ok", "read fail", ...: each operation and outcome the run had, in the plots' order. */
    private static List<String> outcomeSeries() {
        return history.functions().stream().flatMap(f -> ChartStyle.OUTCOMES.stream()
                .filter(outcome -> history.spans().stream().anyMatch(s -> s.f().equals(f) && s.outcome() == outcome))
                .map(outcome -> f + " " + outcome.name().toLowerCase())).toList();
    }

    private static List<JFreeChart> charts() {
        return List.of(LatencyRawChart.of(history, "3c broadcast", "test"), LatencyQuantilesChart.of(history, "3c broadcast", "test"),
                RateChart.of(history, "3c broadcast", "test"));
    }

    private static boolean overlapping(List<FaultSpan> faults) {
        return faults.stream().anyMatch(a -> faults.stream().anyMatch(b -> a != b
                && a.fromSeconds() < b.toSeconds() && b.fromSeconds() < a.toSeconds()));
    }

    /** Segments the renderer draws (between consecutive items both with a value) longer than one window. */
    static List<String> segmentsAcrossGaps(XYDataset data, int series, double width) {
        List<String> across = new ArrayList<>();
        for (int i = 1; i < data.getItemCount(series); i++) {
            double gap = data.getXValue(series, i) - data.getXValue(series, i - 1);
            if (!Double.isNaN(data.getYValue(series, i - 1)) && !Double.isNaN(data.getYValue(series, i)) && gap > width * 1.001) {
                across.add(data.getXValue(series, i - 1) + " s to " + data.getXValue(series, i) + " s");
            }
        }
        return across;
    }

    static List<String> subtitles(JFreeChart chart) {
        return IntStream.range(0, chart.getSubtitleCount()).mapToObj(chart::getSubtitle)
                .filter(TextTitle.class::isInstance).map(t -> ((TextTitle) t).getText()).toList();
    }

    private static String cssRule(String html, String selector) {
        Matcher rule = Pattern.compile("(?m)^\\s*" + Pattern.quote(selector) + " \\{([^}]*)}").matcher(html);
        assertThat(rule.find()).as(selector + " has a rule").isTrue();
        return rule.group(1);
    }

    private static List<String> keys(XYDataset data) {
        return IntStream.range(0, data.getSeriesCount()).mapToObj(s -> data.getSeriesKey(s).toString()).toList();
    }

    private static long count(String text, String needle) {
        return Pattern.compile(Pattern.quote(needle)).matcher(text).results().count();
    }

    private static long pixels(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += close(image.getRGB(x, y), rgb) ? 1 : 0;
            }
        }
        return n;
    }

    /** The most pixels side by side in one row of exactly this colour. */
    private static int longestRun(BufferedImage image, int rgb) {
        int longest = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            int run = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                run = (image.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF) ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        return longest;
    }

    private static List<Color> legendColours(JFreeChart chart) {
        LegendItemCollection items = chart.getPlot().getLegendItems();
        return IntStream.range(0, items.getItemCount()).mapToObj(items::get)
                .flatMap(item -> Stream.of(item.getFillPaint(), item.getLinePaint(), item.getOutlinePaint()))
                .filter(Color.class::isInstance).map(Color.class::cast).distinct().toList();
    }

    private static int chroma(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
    }

    /**
     * Whether {@code rgb} is {@code a * one + b * other + (1 - a - b) * grey} for some a, b from 0 with a + b at
     * most 1 and some grey: legend colours drawn partly over white or grey and, where two series overlap, over
     * each other ({@code other} null: one colour alone). Taking the colours out must leave a grey, and a grey
     * has no differences between its channels, so the pixel's differences are those of the colours, weighted.
     */
    private static boolean thinned(int rgb, Color one, Color other) {
        double[] p = differences((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
        double[] u = differences(one.getRed(), one.getGreen(), one.getBlue());
        double[] v = other == null ? new double[] {0, 0} : differences(other.getRed(), other.getGreen(), other.getBlue());
        // The best weights by least squares, then clamped to what mixing can give; the rest must be near nothing.
        double uu = u[0] * u[0] + u[1] * u[1];
        double vv = v[0] * v[0] + v[1] * v[1];
        double uv = u[0] * v[0] + u[1] * v[1];
        double pu = p[0] * u[0] + p[1] * u[1];
        double pv = p[0] * v[0] + p[1] * v[1];
        double det = uu * vv - uv * uv;
        double a = Math.abs(det) > 1e-9 ? (pu * vv - pv * uv) / det : uu > 0 ? pu / uu : 0;
        double b = Math.abs(det) > 1e-9 ? (pv * uu - pu * uv) / det : 0;
        a = Math.max(0, a);
        b = Math.max(0, b);
        double residual = Math.hypot(p[0] - a * u[0] - b * v[0], p[1] - a * u[1] - b * v[1]);
        return a + b <= 1.1 && residual <= 12;
    }

    private static double[] differences(double r, double g, double b) {
        return new double[] {r - g, g - b};
    }

    private static boolean close(int a, int b) {
        Function<Integer, int[]> parts = c -> new int[] {(c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff};
        int[] x = parts.apply(a);
        int[] y = parts.apply(b);
        return Math.abs(x[0] - y[0]) <= 6 && Math.abs(x[1] - y[1]) <= 6 && Math.abs(x[2] - y[2]) <= 6;
    }
}
