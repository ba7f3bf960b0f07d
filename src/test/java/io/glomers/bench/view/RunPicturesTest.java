package io.glomers.bench.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.BenchResult;
import io.glomers.bench.history.Op;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The pictures of a real (simulated) run with partitions, checked against the files they were drawn from. */
class RunPicturesTest {

    @TempDir
    static Path store;

    static BenchResult run;
    static RunHistory history;

    @BeforeAll
    static void aPartitionedRun() throws IOException {
        run = SimulatedRuns.write(store, 11, "3c", "--time-limit", "6", "--nemesis-interval", "1", "--recovery-wait", "1");
        history = RunHistory.read(run.dir().resolve(RunFiles.HISTORY));
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
        assertThat(pixels(raw, blendedOnWhite(ChartStyle.FAULT.get("partition").getRGB(), 0.45))).as("partition shading")
                .isGreaterThan(1000);
    }

    @Test
    void theRawPlotHasOnePointPerCompletedOperationAtItsInvocation() {
        JFreeChart chart = LatencyRawChart.of(history, "3c broadcast", "test");
        XYDataset data = ((XYPlot) chart.getPlot()).getDataset();
        long completed = run.history().stream().filter(op -> op.isClient() && op.type() != Op.Type.INVOKE).count();
        assertThat(IntStream.range(0, data.getSeriesCount()).map(data::getItemCount).sum()).isEqualTo((int) completed);
        assertThat(keys(data)).containsExactly("broadcast ok", "read ok");
        List<Double> invoked = run.history().stream().filter(op -> op.isClient() && op.type() == Op.Type.INVOKE
                && op.f().equals("read")).map(op -> op.time() / 1e9).toList();
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
    void theRateCountsEveryCompletionOnceAndTheFaultsAreShaded() {
        JFreeChart chart = RateChart.of(history, "3c broadcast", "test");
        XYPlot plot = (XYPlot) chart.getPlot();
        XYDataset data = plot.getDataset();
        double width = Buckets.over(history.endSeconds(), Buckets.RATES).width();
        double counted = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                counted += data.getYValue(s, i) * width;
            }
        }
        long completed = run.history().stream().filter(op -> op.isClient() && op.type() != Op.Type.INVOKE).count();
        assertThat(Math.round(counted)).isEqualTo(completed);
        // Every operation and outcome is in the legend, as in Maelstrom's rate plot, then the faults.
        assertThat(keys(data)).containsExactly("broadcast ok", "broadcast info", "broadcast fail", "read ok", "read info",
                "read fail");
        assertThat(history.faults()).isNotEmpty();
        assertThat(plot.getDomainMarkers(Layer.BACKGROUND)).hasSize(history.faults().size());
    }

    @Test
    void theFaultsAreWhenTheNemesisSaidThey() {
        List<Op> nemesis = run.history().stream().filter(op -> !op.isClient()).toList();
        double firstStart = nemesis.stream().filter(op -> op.f().equals("start-partition")).findFirst().orElseThrow().time() / 1e9;
        double firstStop = nemesis.stream().filter(op -> op.f().equals("stop-partition")).findFirst().orElseThrow().time() / 1e9;
        assertThat(history.faults().get(0)).isEqualTo(new FaultSpan("partition", firstStart, firstStop));
    }

    @Test
    void theQuantilesTopLineIsEachWindowsSlowestOperation() {
        JFreeChart chart = LatencyQuantilesChart.of(history, "3c broadcast", "test");
        XYDataset data = ((XYPlot) chart.getPlot()).getDataset();
        int top = keys(data).indexOf("read 1");
        Buckets buckets = Buckets.over(history.endSeconds(), Buckets.QUANTILES);
        Map<Integer, Double> slowest = history.spans().stream().filter(s -> s.f().equals("read") && s.completed())
                .collect(Collectors.toMap(s -> buckets.index(s.invokeSeconds()), s -> ChartStyle.atFloor(s.latencyMillis()),
                        Math::max));
        assertThat(data.getItemCount(top)).isEqualTo(slowest.size());
        for (int i = 0; i < data.getItemCount(top); i++) {
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
        JournalWindow all = JournalWindow.read(journal, DiagramOptions.DEFAULT.withLimit(0));
        long inside = all.events().stream().filter(JournalEvent::isMessage)
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
        assertThat(count(html, "<div class=\"op ok\"")).isEqualTo(operations);
        assertThat(count(html, "<div class=\"op nemesis\"")).isEqualTo(nemesis);
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

    private static boolean close(int a, int b) {
        Function<Integer, int[]> parts = c -> new int[] {(c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff};
        int[] x = parts.apply(a);
        int[] y = parts.apply(b);
        return Math.abs(x[0] - y[0]) <= 6 && Math.abs(x[1] - y[1]) <= 6 && Math.abs(x[2] - y[2]) <= 6;
    }

    private static int blendedOnWhite(int rgb, double alpha) {
        int r = (int) Math.round(((rgb >> 16) & 0xff) * alpha + 255 * (1 - alpha));
        int g = (int) Math.round(((rgb >> 8) & 0xff) * alpha + 255 * (1 - alpha));
        int b = (int) Math.round((rgb & 0xff) * alpha + 255 * (1 - alpha));
        return (r << 16) | (g << 8) | b;
    }
}
