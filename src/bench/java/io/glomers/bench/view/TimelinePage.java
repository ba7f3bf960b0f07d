package io.glomers.bench.view;

import io.glomers.bench.history.Op;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code timeline.html}: Jepsen's timeline. One column per client process (the nemesis first), one
 * row per history entry; each operation is a bar from the row of its invocation to the row of its
 * completion, coloured by outcome, its value written on it and its details on hover. A process
 * whose operation ended in {@code :info} crashed: Jepsen's next process for that thread is a new
 * column (p + thread count). Nemesis steps are coloured by the fault they start or stop, in the
 * plots' fault colours.
 */
public final class TimelinePage {

    static final int COLUMN = 100;
    static final int GUTTER = 106;
    static final int ROW = 16;
    /** The time column at the left: wide enough for "123.456". */
    static final int TIMES = 64;
    /*
     * The process names stay at the top while scrolling down and each row's time at the left while
     * scrolling across (sticky, against the page's own scrolling, so it works framed and alone): a
     * 25-node run is some 2,700 px wide and thousands of rows long, and a bar far from both edges
     * is otherwise a bar of nobody at no time. Hovered bars rise over other bars, not over them. The
     * corner rises over the process names that scroll under it (they come later in the page, so they
     * were drawn over "time (s)").
     */
    private static final String STYLE = """
            body { font-family: Helvetica, Arial, sans-serif; font-size: 12px; margin: 12px; color: #222; }
            h1 { font-size: 18px; margin: 0 0 4px; }
            .note { color: #555; margin: 0 0 10px; }
            .key span { display: inline-block; padding: 1px 6px; margin-right: 6px; border-radius: 2px; }
            .heads { position: sticky; top: 0; height: 20px; background: #fff; z-index: 4; border-bottom: 1px solid #ddd; }
            .heads .corner { position: sticky; left: 0; z-index: 1; width: 64px; height: 20px; background: #fff; color: #555;
                             line-height: 20px; text-align: right; padding-right: 6px; box-sizing: border-box; }
            .heads .process { position: absolute; top: 0; width: 100px; line-height: 20px; font-weight: bold; text-align: center; }
            .ops { position: relative; }
            .times { position: sticky; left: 0; width: 64px; background: #fff; z-index: 3; border-right: 1px solid #ddd; }
            .times div { position: absolute; right: 6px; color: #777; font-size: 10px; line-height: 16px; }
            .op { position: absolute; width: 96px; padding: 1px 2px; border-radius: 2px; overflow: hidden;
                  box-sizing: border-box; font-size: 11px; line-height: 13px;
                  box-shadow: 0 1px 2px rgba(0,0,0,0.2); white-space: nowrap; text-overflow: ellipsis; }
            .op:hover { overflow: visible; z-index: 2; box-shadow: 0 4px 12px rgba(0,0,0,0.35); }
            .invoke { background: #eeeeee; }
            .ok { background: #6db6fe; }
            .info { background: #ffaa26; }
            .fail { background: #feb5da; }
            """;

    /** Each bar's class (its colour) and what it means, in the key's order. */
    private static final List<Map.Entry<String, String>> KEY = List.of(Map.entry("ok", "ok"), Map.entry("fail", "fail"),
            Map.entry("info", "info (indeterminate; the process crashed)"), Map.entry("invoke", "never completed"));

    private TimelinePage() {
    }

    public static void write(HistorySpans history, String title, Path file) throws IOException {
        List<Integer> processes = new ArrayList<>(new TreeSet<>(history.spans().stream().map(OpSpan::process).toList()));
        boolean nemesis = !history.nemesis().isEmpty();
        int offset = nemesis ? 1 : 0;
        int width = TIMES + GUTTER * (processes.size() + offset);
        List<String> faults = history.nemesis().stream().map(op -> faultClass(op.f())).distinct().sorted(FaultStrip.BY_ROW).toList();
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + Xml.escape(title)
                    + " timeline</title><style>\n" + STYLE + faultStyle() + "</style></head><body>\n");
            out.write("<h1>" + Xml.escape(title) + " timeline</h1>\n<p class=\"note\">" + history.spans().size()
                    + " client operations, " + history.nemesis().size() + " nemesis entries; one column per client"
                    + " process, one row per history entry (its time at the left, in seconds), each bar from its"
                    + " invocation to its completion. Hover a bar for its details.</p>\n");
            writeKey(out, history, faults);
            out.write("</p>\n<div class=\"sheet\" style=\"width:" + width + "px\">\n");
            out.write("<div class=\"heads\"><div class=\"corner\">time (s)</div>");
            if (nemesis) {
                out.write("<div class=\"process\" style=\"left:" + TIMES + "px\">nemesis</div>");
            }
            for (int i = 0; i < processes.size(); i++) {
                out.write("<div class=\"process\" style=\"left:" + left(i + offset) + "px\">" + processes.get(i) + "</div>");
            }
            int height = ROW * (history.entries() + 1);
            out.write("</div>\n<div class=\"ops\" style=\"height:" + height + "px\">\n<div class=\"times\" style=\"height:"
                    + height + "px\">\n");
            for (Map.Entry<Integer, Long> row : rowTimes(history).entrySet()) {
                out.write(String.format(Locale.ROOT, "<div style=\"top:%dpx\">%.3f</div>%n", ROW * row.getKey(),
                        row.getValue() / 1e9));
            }
            out.write("</div>\n");
            writeBars(out, history, processes, offset);
            out.write("</div>\n</div>\n</body></html>\n");
        }
    }

    /** What each colour means: the outcomes the run's bars have, then each fault that happened. */
    private static void writeKey(Writer out, HistorySpans history, List<String> faults) throws IOException {
        out.write("<p class=\"key\">");
        for (Map.Entry<String, String> key : keyOf(history)) {
            out.write("<span class=\"" + key.getKey() + "\">" + key.getValue() + "</span>");
        }
        for (String fault : faults) {
            out.write("<span class=\"nemesis " + fault + "\">nemesis: " + fault + "</span>");
        }
    }

    /** A bar per nemesis entry in its column, and one per client operation from invocation to completion. */
    private static void writeBars(Writer out, HistorySpans history, List<Integer> processes, int offset) throws IOException {
        for (Op op : history.nemesis()) {
            out.write("<div class=\"op nemesis " + faultClass(op.f()) + "\" style=\"left:" + left(0) + "px;top:"
                    + (ROW * op.index()) + "px;height:" + ROW + "px\" title=\"" + Xml.escape(String.format(Locale.ROOT,
                    "%.3f s%n:nemesis :%s %s", op.time() / 1e9, op.f(), op.value())) + "\">" + Xml.escape(op.f()) + "</div>\n");
        }
        for (OpSpan span : history.spans()) {
            int column = processes.indexOf(span.process()) + offset;
            int rows = span.completed() ? Math.max(1, span.completeIndex() - span.invokeIndex())
                    : history.entries() - span.invokeIndex();
            String outcome = outcome(span);
            out.write("<div class=\"op " + outcome + "\" style=\"left:" + left(column) + "px;top:"
                    + (ROW * span.invokeIndex()) + "px;height:" + (ROW * rows) + "px\" title=\""
                    + Xml.escape(hover(span, outcome)) + "\">" + Xml.escape(span.process() + " " + span.f() + " "
                    + shown(span)) + "</div>\n");
        }
    }

    /** The key of the outcomes the run's bars have: it lists only colours the page shows. */
    private static List<Map.Entry<String, String>> keyOf(HistorySpans history) {
        Set<String> present = new HashSet<>();
        history.spans().forEach(span -> present.add(outcome(span)));
        return KEY.stream().filter(key -> present.contains(key.getKey())).toList();
    }

    private static String outcome(OpSpan span) {
        return span.completed() ? span.outcome().name().toLowerCase(Locale.ROOT) : "invoke";
    }

    private static int left(int column) {
        return TIMES + GUTTER * column;
    }

    /** Each history entry's row and time: every entry is an invocation, a completion or a nemesis step. */
    private static SortedMap<Integer, Long> rowTimes(HistorySpans history) {
        SortedMap<Integer, Long> times = new TreeMap<>();
        for (OpSpan span : history.spans()) {
            times.put(span.invokeIndex(), span.invokeNanos());
            if (span.completed()) {
                times.put(span.completeIndex(), span.completeNanos());
            }
        }
        history.nemesis().forEach(op -> times.put(op.index(), op.time()));
        return times;
    }

    /** The CSS class of a nemesis step: the fault it starts or stops, named as in the plots' legends. */
    private static String faultClass(String f) {
        String kind = HistorySpans.faultKind(f);
        return kind == null ? "other" : kind;
    }

    /** The plots' fault colours, so a kill is the same grey in the timeline as in the strip above a plot. */
    private static String faultStyle() {
        StringBuilder css = new StringBuilder(String.format(Locale.ROOT, ".nemesis.other { background: #%06x; }%n",
                FaultStrip.OTHER.getRGB() & 0xFFFFFF));
        FaultStrip.COLOURS.forEach((kind, colour) -> css.append(String.format(Locale.ROOT,
                ".nemesis.%s { background: #%06x; }%n", kind, colour.getRGB() & 0xFFFFFF)));
        return css.toString();
    }

    private static String shown(OpSpan span) {
        return span.completed() && !"nil".equals(span.completeValue()) ? span.completeValue()
                : "nil".equals(span.invokeValue()) ? "" : span.invokeValue();
    }

    private static String hover(OpSpan span, String outcome) {
        StringBuilder text = new StringBuilder();
        text.append("process ").append(span.process()).append(' ').append(span.f())
                .append(span.finalRead() ? " (final read)" : "").append('\n')
                .append(String.format(Locale.ROOT, "invoked at %.3f s", span.invokeSeconds()));
        if (span.completed()) {
            text.append(String.format(Locale.ROOT, ", %s after %.1f ms", outcome, span.latencyMillis()));
        } else {
            text.append(", never completed");
        }
        text.append("\ninvoke value: ").append(span.invokeValue());
        if (span.completed()) {
            text.append("\n").append(outcome).append(" value: ").append(span.completeValue());
        }
        return text.toString();
    }
}
