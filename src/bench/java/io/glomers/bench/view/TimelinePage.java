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
import java.util.Locale;
import java.util.TreeSet;

/**
 * {@code timeline.html}: Jepsen's timeline. One column per client process (the nemesis first), one
 * row per history entry; each operation is a bar from the row of its invocation to the row of its
 * completion, coloured by outcome, its value written on it and its details on hover. A process
 * whose operation ended in {@code :info} crashed: Jepsen's next process for that thread is a new
 * column (p + thread count).
 */
public final class TimelinePage {

    static final int COLUMN = 100;
    static final int GUTTER = 106;
    static final int ROW = 16;
    private static final String STYLE = """
            body { font-family: Helvetica, Arial, sans-serif; font-size: 12px; margin: 12px; color: #222; }
            h1 { font-size: 18px; margin: 0 0 4px; }
            .note { color: #555; margin: 0 0 10px; }
            .key span { display: inline-block; padding: 1px 6px; margin-right: 6px; border-radius: 2px; }
            .heads { position: sticky; top: 0; height: 20px; background: #fff; z-index: 2; border-bottom: 1px solid #ddd; }
            .heads div { position: absolute; width: 100px; font-weight: bold; text-align: center; top: 2px; }
            .ops { position: relative; }
            .op { position: absolute; width: 96px; padding: 1px 2px; border-radius: 2px; overflow: hidden;
                  box-sizing: border-box; font-size: 11px; line-height: 13px;
                  box-shadow: 0 1px 2px rgba(0,0,0,0.2); white-space: nowrap; text-overflow: ellipsis; }
            .op:hover { overflow: visible; z-index: 3; box-shadow: 0 4px 12px rgba(0,0,0,0.35); }
            .invoke { background: #eeeeee; }
            .ok { background: #6db6fe; }
            .info { background: #ffaa26; }
            .fail { background: #feb5da; }
            .nemesis { background: #e8d89a; }
            """;

    private TimelinePage() {
    }

    public static void write(RunHistory history, String title, Path file) throws IOException {
        List<Integer> processes = new ArrayList<>(new TreeSet<>(history.spans().stream().map(OpSpan::process).toList()));
        boolean nemesis = !history.nemesis().isEmpty();
        int offset = nemesis ? 1 : 0;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + Xml.escape(title)
                    + " timeline</title><style>\n" + STYLE + "</style></head><body>\n");
            out.write("<h1>" + Xml.escape(title) + " timeline</h1>\n<p class=\"note\">" + history.spans().size()
                    + " client operations, " + history.nemesis().size() + " nemesis entries; one row per history entry,"
                    + " each bar from its invocation to its completion. Hover a bar for its details.</p>\n");
            out.write("<p class=\"key\"><span class=\"ok\">ok</span><span class=\"fail\">fail</span>"
                    + "<span class=\"info\">info (indeterminate; the process crashed)</span>"
                    + "<span class=\"invoke\">never completed</span><span class=\"nemesis\">nemesis</span></p>\n");
            out.write("<div class=\"heads\">");
            if (nemesis) {
                out.write("<div style=\"left:0px\">nemesis</div>");
            }
            for (int i = 0; i < processes.size(); i++) {
                out.write("<div style=\"left:" + (GUTTER * (i + offset)) + "px\">" + processes.get(i) + "</div>");
            }
            out.write("</div>\n<div class=\"ops\" style=\"height:" + (ROW * (history.entries() + 1)) + "px;width:"
                    + (GUTTER * (processes.size() + offset)) + "px\">\n");
            for (Op op : history.nemesis()) {
                out.write("<div class=\"op nemesis\" style=\"left:0px;top:" + (ROW * op.index()) + "px;height:" + ROW
                        + "px\" title=\"" + Xml.escape(String.format(Locale.ROOT, "%.3f s%n:nemesis :%s %s",
                        op.time() / 1e9, op.f(), op.value())) + "\">" + Xml.escape(op.f()) + "</div>\n");
            }
            for (OpSpan span : history.spans()) {
                int column = processes.indexOf(span.process()) + offset;
                int rows = span.completed() ? Math.max(1, span.completeIndex() - span.invokeIndex())
                        : history.entries() - span.invokeIndex();
                String outcome = span.completed() ? span.outcome().name().toLowerCase(Locale.ROOT) : "invoke";
                out.write("<div class=\"op " + outcome + "\" style=\"left:" + (GUTTER * column) + "px;top:"
                        + (ROW * span.invokeIndex()) + "px;height:" + (ROW * rows) + "px\" title=\""
                        + Xml.escape(hover(span, outcome)) + "\">" + Xml.escape(span.process() + " " + span.f() + " "
                        + shown(span)) + "</div>\n");
            }
            out.write("</div>\n</body></html>\n");
        }
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
