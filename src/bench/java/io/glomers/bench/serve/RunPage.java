package io.glomers.bench.serve;

import io.glomers.bench.view.RunFiles;
import io.glomers.bench.view.StoredRun;
import io.glomers.bench.view.Xml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One run: its figures, then its pictures in the order a reader wants them (latency, quantiles,
 * rate, the message diagram, the timeline), then {@code results.edn} and links to every other file.
 * The diagram and the timeline are framed pages, so hovering works in them as in their own tab.
 */
final class RunPage {

    /** Larger results are linked, not shown inline. */
    static final long INLINE_RESULTS = 256 * 1024;

    private RunPage() {
    }

    static String render(StoredRun run) throws IOException {
        Path dir = run.dir();
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(Xml.escape(run.part())).append(" run of ").append(Xml.escape(run.shownTime()))
                .append(" UTC ").append(Page.verdict(run)).append("<span class=\"sub\">")
                .append(Xml.escape(run.path())).append(run.seed() == null ? "" : ", seed " + run.seed())
                .append("</span></h1>\n");
        if (run.failure() != null) {
            body.append("<p class=\"why\">").append(Xml.escape(run.failure())).append("</p>\n");
        }
        body.append(cards(run));
        body.append("<nav class=\"sections\"><a href=\"#latency\">latency</a><a href=\"#quantiles\">quantiles</a>"
                + "<a href=\"#rate\">rate</a><a href=\"#messages\">messages</a><a href=\"#timeline\">timeline</a>"
                + "<a href=\"#results\">results.edn</a><a href=\"#files\">files and node logs</a></nav>\n");
        picture(body, run, "latency", RunFiles.LATENCY_RAW, "Every operation's latency, at the time it was invoked.");
        picture(body, run, "quantiles", RunFiles.LATENCY_QUANTILES, "Latency quantiles of ok operations over time windows; those that timed out or failed are marked apart.");
        picture(body, run, "rate", RunFiles.RATE, "Operations completed per second, by outcome.");
        framed(body, run, "messages", RunFiles.MESSAGES_SVG,
                "The Lamport diagram: one line per client and node, an arrow per message; hover an arrow for the message.");
        framed(body, run, "timeline", RunFiles.TIMELINE, "Each client process's operations as bars; hover for details.");
        results(body, run);
        files(body, run, dir);
        return Page.frame(run.part() + " " + run.shownTime(), "› " + Xml.escape(run.path()), body.toString());
    }

    private static String cards(StoredRun run) {
        StringBuilder cards = new StringBuilder("<div class=\"cards\">");
        card(cards, Page.number(run.operations()), "operations");
        card(cards, Page.perOp(run.serversMsgsPerOp()), "servers msgs-per-op");
        card(cards, Page.perOp(run.allMsgsPerOp()), "all msgs-per-op");
        card(cards, run.latency(0.5).map(ms -> ms + " ms").orElse("–"), "stable latency median");
        card(cards, run.latency(0.99).map(ms -> ms + " ms").orElse("–"), "stable latency p99");
        card(cards, run.latency(1.0).map(ms -> ms + " ms").orElse("–"), "stable latency max");
        card(cards, Page.number(run.lostCount()) + (run.lost().isEmpty() ? "" : " <span>"
                + Xml.escape(run.lost().toString()) + "</span>"), "lost");
        card(cards, Page.number(run.neverReadCount()), "never read");
        return cards.append("</div>\n").toString();
    }

    private static void card(StringBuilder cards, String value, String label) {
        cards.append("<div class=\"card\"><b>").append(value).append("</b><span>").append(label).append("</span></div>");
    }

    private static void picture(StringBuilder body, StoredRun run, String id, String file, String caption) {
        body.append("<h2 id=\"").append(id).append("\">").append(file).append("</h2><p class=\"hint\">").append(caption)
                .append("</p>\n");
        if (Files.exists(run.dir().resolve(file))) {
            body.append("<figure><a href=\"").append(Page.fileHref(run, file)).append("\"><img class=\"picture\" src=\"")
                    .append(Page.fileHref(run, file)).append("\" width=\"900\" height=\"400\" alt=\"").append(file)
                    .append("\"></a></figure>\n");
        } else {
            missing(body, run, file);
        }
    }

    private static void framed(StringBuilder body, StoredRun run, String id, String file, String caption) {
        body.append("<h2 id=\"").append(id).append("\">").append(file).append("</h2><p class=\"hint\">").append(caption)
                .append(" <a href=\"").append(Page.fileHref(run, file)).append("\" target=\"_blank\">Open it alone</a>.</p>\n");
        if (Files.exists(run.dir().resolve(file))) {
            body.append("<iframe class=\"framed\" id=\"frame-").append(id).append("\" src=\"").append(Page.fileHref(run, file))
                    .append("\" title=\"").append(file).append("\" loading=\"lazy\"></iframe>\n");
        } else {
            missing(body, run, file);
        }
    }

    private static void missing(StringBuilder body, StoredRun run, String file) {
        String why = file.equals(RunFiles.MESSAGES_SVG) && Files.exists(run.dir().resolve(RunFiles.JOURNAL))
                ? "Not drawn: the run's journal has more network events than a usable diagram (10,000 by default)."
                + " Draw it anyway with <code>bin/challenge draw " + Xml.escape(run.dir().toString())
                + " --svg-events all</code>, or one window of it with <code>--svg-from 5 --svg-to 6</code> (seconds)."
                : "Not drawn for this run. <code>bin/challenge draw " + Xml.escape(run.dir().toString())
                + "</code> draws its pictures from its files.";
        body.append("<p class=\"missing\">").append(why).append("</p>\n");
    }

    private static void results(StringBuilder body, StoredRun run) throws IOException {
        Path results = run.dir().resolve(RunFiles.RESULTS);
        body.append("<h2 id=\"results\">results.edn</h2>\n");
        if (Files.size(results) <= INLINE_RESULTS) {
            body.append("<pre id=\"results-edn\">").append(Xml.escape(Files.readString(results, StandardCharsets.UTF_8)))
                    .append("</pre>\n");
        } else {
            body.append("<p><a href=\"").append(Page.fileHref(run, RunFiles.RESULTS)).append("\">results.edn</a> (")
                    .append(size(results)).append(")</p>\n");
        }
    }

    private static void files(StringBuilder body, StoredRun run, Path dir) throws IOException {
        body.append("<h2 id=\"files\">Files and node logs</h2>\n<ul class=\"files\">\n");
        for (String name : List.of(RunFiles.RESULTS, RunFiles.HISTORY, RunFiles.JOURNAL, RunFiles.LATENCY_RAW,
                RunFiles.LATENCY_QUANTILES, RunFiles.RATE, RunFiles.MESSAGES_SVG, RunFiles.TIMELINE)) {
            Path file = dir.resolve(name);
            if (Files.exists(file)) {
                body.append("<li><a href=\"").append(Page.fileHref(run, name)).append("\">").append(name).append("</a> (")
                        .append(size(file)).append(")</li>\n");
            }
        }
        body.append("</ul>\n");
        Path logs = dir.resolve(RunFiles.NODE_LOGS);
        List<Path> nodeLogs;
        try (Stream<Path> listed = Files.isDirectory(logs) ? Files.list(logs) : Stream.empty()) {
            nodeLogs = listed.filter(Files::isRegularFile).sorted(RunPage::byNodeNumber).toList();
        }
        if (nodeLogs.isEmpty()) {
            body.append("<p class=\"hint\">No node logs: in-process and simulated nodes share the bench's JVM and log"
                    + " to its stderr; process-mode runs keep each node's stderr here.</p>\n");
            return;
        }
        body.append("<ul class=\"files\" id=\"node-logs\">\n");
        for (Path log : nodeLogs) {
            String name = RunFiles.NODE_LOGS + "/" + log.getFileName();
            body.append("<li><a href=\"").append(Page.fileHref(run, name)).append("\">").append(Xml.escape(name))
                    .append("</a> (").append(size(log)).append(")</li>\n");
        }
        body.append("</ul>\n");
    }

    /** n2.log before n10.log. */
    private static int byNodeNumber(Path a, Path b) {
        String x = a.getFileName().toString();
        String y = b.getFileName().toString();
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }

    private static String size(Path file) throws IOException {
        long bytes = Files.size(file);
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
