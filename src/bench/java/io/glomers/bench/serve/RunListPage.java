package io.glomers.bench.serve;

import io.glomers.bench.view.StoredRun;
import io.glomers.bench.view.Xml;
import java.util.List;
import java.util.Optional;

/** The store's runs, newest first: one row each with the figures that tell runs apart. */
final class RunListPage {

    private RunListPage() {
    }

    static String render(String storeName, List<StoredRun> runs, Optional<String> latest) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Runs in <code>").append(Xml.escape(storeName)).append("</code></h1>\n");
        if (runs.isEmpty()) {
            body.append("<p class=\"hint\">No runs yet. <code>bin/challenge 3b --time-limit 5</code> makes one;"
                    + " reload this page when it is done.</p>\n");
            return Page.frame("bench runs", "", body.toString());
        }
        body.append("<p class=\"hint\">").append(runs.size()).append(" run(s). Times are UTC, when the run started;"
                + " latencies are Maelstrom's stable latencies (ms): how long after a value was acknowledged the"
                + " last read still missed it.</p>\n");
        body.append("<table id=\"runs\"><thead><tr><th class=\"l\">started (UTC)</th><th class=\"l\">part</th>"
                + "<th class=\"l\">verdict</th><th>ops</th><th>msgs/op servers</th><th>msgs/op all</th>"
                + "<th>p50</th><th>p95</th><th>p99</th><th>max</th><th>lost</th><th>never read</th>"
                + "<th class=\"l\">seed</th></tr></thead><tbody>\n");
        for (StoredRun run : runs) {
            boolean isLatest = latest.filter(run.path()::equals).isPresent();
            body.append("<tr class=\"run\"><td class=\"l\"><a class=\"run-link\" href=\"").append(Page.runHref(run))
                    .append("\" title=\"").append(Xml.escape(run.path())).append("\">").append(Xml.escape(run.shownTime())).append("</a>")
                    .append(isLatest ? "<span class=\"tag\">latest</span>" : "").append("</td>")
                    .append("<td class=\"l\">").append(Xml.escape(run.part())).append("</td>")
                    .append("<td class=\"l\">").append(Page.verdict(run)).append("</td>")
                    .append("<td>").append(Page.number(run.operations())).append("</td>")
                    .append("<td>").append(Page.perOp(run.serversMsgsPerOp())).append("</td>")
                    .append("<td>").append(Page.perOp(run.allMsgsPerOp())).append("</td>");
            for (double q : new double[] {0.5, 0.95, 0.99, 1.0}) {
                body.append("<td>").append(run.latency(q).map(String::valueOf).orElse("–")).append("</td>");
            }
            body.append("<td").append(run.lostCount() != null && run.lostCount() > 0 ? " class=\"why\"" : "").append(">")
                    .append(Page.number(run.lostCount())).append("</td>")
                    .append("<td>").append(Page.number(run.neverReadCount())).append("</td>")
                    .append("<td class=\"l seed\">").append(Page.number(run.seed())).append("</td></tr>\n");
        }
        body.append("</tbody></table>\n");
        return Page.frame("bench runs", "", body.toString());
    }
}
