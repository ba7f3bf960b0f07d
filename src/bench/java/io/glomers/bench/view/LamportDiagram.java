package io.glomers.bench.view;

import io.glomers.bench.net.Endpoints;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code messages.svg}: Maelstrom's Lamport diagram of a run's journal. One vertical line per
 * node and client; each journal event is one step down the page, so every message is an arrow from
 * its sender at the step it was sent to its receiver at the step it arrived (a message delivered
 * twice is two arrows); a message a partition dropped ends in a cross halfway. Hovering an arrow
 * shows the whole message. Times (history time, seconds) are written down the left edge.
 *
 * <p>Written as text, not through an SVG library: the picture is four kinds of element, and what
 * makes it useful (a {@code <title>} per arrow for the hover, classes a test can count, CSS) is
 * markup that Graphics2D-based writers such as JFreeSVG or Batik do not emit.
 */
public final class LamportDiagram {

    static final int STEP = 20;
    static final int TOP = 70;
    static final int LEFT = 90;
    static final int MIN_COLUMN = 80;
    static final int LABEL_EVERY = 50;
    static final int TIME_EVERY = 25;
    /** About the width of a character of the 11 px label font. */
    static final double CHAR_WIDTH = 6.2;

    private static final String STYLE = """
            svg { font-family: Helvetica, Arial, sans-serif; font-size: 11px; background: #fff; }
            .lane { stroke: #ccc; }
            .name { fill: #000; text-anchor: middle; font-weight: bold; }
            .name.again { fill: #aaa; font-weight: normal; }
            .time { fill: #777; text-anchor: end; }
            .tick { stroke: #eee; }
            .zero { stroke: #d96918; stroke-dasharray: 6 4; }
            .zero-label { fill: #d96918; }
            .msg rect { stroke: #fff; stroke-width: 3; }
            .msg.server rect, .msg.server use { fill: #222; }
            .msg.client rect, .msg.client use { fill: #81bffc; }
            .msg.error rect, .msg.error use { fill: #ff1e90; }
            .msg:hover rect, .msg:hover use { fill: #f28c28; }
            .msg text, .drop text { text-anchor: middle; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
            .drop line { stroke: #999; stroke-width: 2; stroke-dasharray: 4 3; }
            .drop path { stroke: #d33; stroke-width: 2; fill: none; }
            .drop:hover line { stroke: #f28c28; }
            .legend text { fill: #333; }
            .notice { fill: #d96918; text-anchor: middle; }
            """;

    /**
     * What was drawn.
     *
     * @param drawn  false when the window held more events than the limit (no file is written)
     * @param events message events in the window
     * @param arrows messages drawn as delivered (one per receipt)
     * @param drops  messages drawn as dropped
     */
    public record Outcome(boolean drawn, long events, int arrows, int drops) {
    }

    private LamportDiagram() {
    }

    public static Outcome write(Path journal, Path svg, DiagramOptions options) throws IOException {
        MessageLogWindow window = MessageLogWindow.read(journal, options);
        if (window.tooMany(options)) {
            Files.deleteIfExists(svg);
            return new Outcome(false, window.counted(), 0, 0);
        }
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(svg, StandardCharsets.UTF_8), 1 << 16)) {
            return new Drawing(window, out).draw();
        }
    }

    /** One diagram being written: the lanes' positions and the sends awaiting their receipts. */
    private static final class Drawing {
        private final MessageLogWindow window;
        private final Writer out;
        private final List<String> lanes;
        private final Map<String, Integer> laneIndex = new HashMap<>();
        private final double column;
        private final int width;
        private final int height;
        private final int steps;
        /** The kinds of arrow the diagram draws ("client", "server", "error", "drop"): the legend lists only these. */
        private final Set<String> drawn = new HashSet<>();

        Drawing(MessageLogWindow window, Writer out) {
            this.window = window;
            this.out = out;
            this.lanes = lanes(window.events());
            for (int i = 0; i < lanes.size(); i++) {
                laneIndex.put(lanes.get(i), i);
            }
            this.steps = (int) window.events().stream().filter(MessageLogEvent::isMessage).count();
            this.column = Math.max(MIN_COLUMN, 1100.0 / Math.max(1, lanes.size()));
            this.width = (int) Math.ceil(LEFT + column * lanes.size() + 20);
            this.height = TOP + STEP * (steps + 3);
            // As draw() goes: a receipt or drop is drawn only when its send is in the window.
            Set<Long> sends = new HashSet<>();
            for (MessageLogEvent event : window.events()) {
                if (event.kind() == MessageLogEvent.Kind.SEND) {
                    sends.add(event.id());
                } else if (event.isMessage() && sends.contains(event.id())) {
                    drawn.add(event.kind() == MessageLogEvent.Kind.DROP ? "drop" : kind(event));
                }
            }
        }

        Outcome draw() throws IOException {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            out.write("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + width + "\" height=\""
                    + height + "\" viewBox=\"0 0 " + width + " " + height + "\">\n");
            out.write("<style>\n" + STYLE + "</style>\n");
            out.write("<defs><polygon id=\"head\" points=\"0 0, -12 4, -12 -4\"/></defs>\n");
            legend();
            lanesAndNames();
            int arrows = 0;
            int drops = 0;
            Map<Long, int[]> sent = new HashMap<>();
            int step = 0;
            for (MessageLogEvent event : window.events()) {
                if (!event.isMessage()) {
                    zeroLine(step);
                    continue;
                }
                if (step % TIME_EVERY == 0) {
                    timeLabel(step, event.nanos());
                }
                Integer lane = laneIndex.get(event.kind() == MessageLogEvent.Kind.SEND ? event.src() : event.dest());
                switch (event.kind()) {
                    case SEND -> sent.put(event.id(), new int[] {laneIndex.get(event.src()), step});
                    case RECV -> {
                        int[] from = sent.get(event.id());
                        // A receipt whose send fell before the window has nothing to start from.
                        if (from != null) {
                            arrow(event, from[0], from[1], lane, step);
                            arrows++;
                        }
                    }
                    case DROP -> {
                        int[] from = sent.get(event.id());
                        if (from != null) {
                            drop(event, from[0], from[1], laneIndex.get(event.dest()), step);
                            drops++;
                        }
                    }
                    default -> {
                    }
                }
                step++;
            }
            if (steps == 0) {
                out.write("<text class=\"notice\" x=\"" + width / 2 + "\" y=\"" + (TOP + STEP)
                        + "\">no network events in this window</text>\n");
            }
            out.write("</svg>\n");
            return new Outcome(true, window.counted(), arrows, drops);
        }

        private void legend() throws IOException {
            out.write("<g class=\"legend\">");
            String[][] items = {{"client", "#81bffc", "client message"}, {"server", "#222", "server message"},
                    {"error", "#ff1e90", "error reply"}};
            double x = LEFT;
            for (String[] item : items) {
                if (!drawn.contains(item[0])) {
                    continue;
                }
                out.write("<rect x=\"" + fmt(x) + "\" y=\"10\" width=\"24\" height=\"5\" fill=\"" + item[1] + "\"/>"
                        + "<text x=\"" + fmt(x + 30) + "\" y=\"16\">" + item[2] + "</text>");
                x += 140;
            }
            if (drawn.contains("drop")) {
                // The dashed line and the red cross a drop ends in, as drawn.
                out.write("<line x1=\"" + fmt(x) + "\" y1=\"12.5\" x2=\"" + fmt(x + 20) + "\" y2=\"12.5\" stroke=\"#999\""
                        + " stroke-width=\"2\" stroke-dasharray=\"4 3\"/><path d=\"M" + fmt(x + 20) + " 8.5L" + fmt(x + 28)
                        + " 16.5M" + fmt(x + 20) + " 16.5L" + fmt(x + 28) + " 8.5\" stroke=\"#d33\" stroke-width=\"2\" fill=\"none\"/>"
                        + "<text x=\"" + fmt(x + 34) + "\" y=\"16\">dropped (partition)</text>");
                x += 180;
            }
            out.write("<text x=\"" + fmt(x) + "\" y=\"16\">hover an arrow for the whole message; one step per"
                    + " journal event</text></g>\n");
        }

        private void lanesAndNames() throws IOException {
            out.write("<g>");
            for (int i = 0; i < lanes.size(); i++) {
                double x = x(i);
                out.write("<line class=\"lane\" x1=\"" + fmt(x) + "\" y1=\"" + (TOP - 10) + "\" x2=\"" + fmt(x)
                        + "\" y2=\"" + (height - STEP) + "\"/>");
                for (int step = 0; step < Math.max(1, steps); step += LABEL_EVERY) {
                    out.write("<text class=\"name" + (step == 0 ? "" : " again") + "\" x=\"" + fmt(x) + "\" y=\""
                            + (y(step) - 14) + "\">" + Xml.escape(lanes.get(i)) + "</text>");
                }
            }
            out.write("</g>\n");
        }

        private void timeLabel(int step, long nanos) throws IOException {
            int y = y(step);
            out.write("<line class=\"tick\" x1=\"" + (LEFT - 6) + "\" y1=\"" + y + "\" x2=\"" + (width - 10) + "\" y2=\"" + y
                    + "\"/><text class=\"time\" x=\"" + (LEFT - 10) + "\" y=\"" + (y + 4) + "\">"
                    + String.format(Locale.ROOT, "%.3f s", window.seconds(nanos)) + "</text>\n");
        }

        private void zeroLine(int step) throws IOException {
            int y = y(step) - STEP / 2;
            out.write("<line class=\"zero\" x1=\"10\" y1=\"" + y + "\" x2=\"" + (width - 10) + "\" y2=\"" + y
                    + "\"/><text class=\"zero-label\" x=\"12\" y=\"" + (y - 4) + "\">history time 0: the workload starts</text>\n");
        }

        private static String kind(MessageLogEvent event) {
            return MessageText.of(event).error() ? "error"
                    : Endpoints.isClient(event.src()) || Endpoints.isClient(event.dest()) ? "client" : "server";
        }

        private void arrow(MessageLogEvent event, int fromLane, int fromStep, int toLane, int toStep) throws IOException {
            MessageText.Text text = MessageText.of(event);
            String kind = kind(event);
            double x0 = x(fromLane);
            double y0 = y(fromStep);
            double x1 = x(toLane);
            double y1 = y(toStep);
            double length = Math.hypot(x1 - x0, y1 - y0);
            double angle = Math.toDegrees(Math.atan2(y1 - y0, x1 - x0));
            // Text along an arrow pointing left would be upside down: turn it round its middle.
            String flip = angle > 90 || angle < -90 ? " transform=\"rotate(180 " + fmt(length / 2) + " 0)\"" : "";
            // A label longer than its arrow would run over the neighbouring lanes: cut it to fit.
            String label = MessageText.cut(text.label(), Math.max(12, (int) (length / CHAR_WIDTH)));
            out.write("<g class=\"msg " + kind + "\" transform=\"translate(" + fmt(x0) + " " + fmt(y0) + ") rotate("
                    + fmt(angle) + ")\"><title>" + Xml.escape(text.hover()) + "</title>"
                    + "<rect x=\"0\" y=\"-2\" height=\"4\" width=\"" + fmt(Math.max(0, length - 10)) + "\"/>"
                    + "<use href=\"#head\" x=\"" + fmt(length) + "\" y=\"0\"/>"
                    + "<text x=\"" + fmt(length / 2) + "\" y=\"-5\"" + flip + ">" + Xml.escape(label) + "</text></g>\n");
        }

        private void drop(MessageLogEvent event, int fromLane, int fromStep, int toLane, int toStep) throws IOException {
            MessageText.Text text = MessageText.of(event);
            double x0 = x(fromLane);
            double y0 = y(fromStep);
            double x1 = x0 + (x(toLane) - x0) * 0.45;
            double y1 = y0 + (y(toStep) - y0) * 0.45;
            out.write("<g class=\"drop\"><title>" + Xml.escape("dropped by a partition: " + text.hover()) + "</title>"
                    + "<line x1=\"" + fmt(x0) + "\" y1=\"" + fmt(y0) + "\" x2=\"" + fmt(x1) + "\" y2=\"" + fmt(y1) + "\"/>"
                    + "<path d=\"M" + fmt(x1 - 5) + " " + fmt(y1 - 5) + "L" + fmt(x1 + 5) + " " + fmt(y1 + 5) + "M"
                    + fmt(x1 - 5) + " " + fmt(y1 + 5) + "L" + fmt(x1 + 5) + " " + fmt(y1 - 5) + "\"/></g>\n");
        }

        private double x(int lane) {
            return LEFT + column * (lane + 0.5);
        }

        private static int y(int step) {
            return TOP + STEP * step + STEP;
        }
    }

    /**
     * Nodes first, then clients, each in numeric order (n2 before n10). Maelstrom puts the clients
     * first; but every restart and every crashed client process adds a client lane, and the messages
     * worth reading are between the nodes, so here the nodes are where the page opens.
     */
    static List<String> lanes(List<MessageLogEvent> events) {
        Set<String> ids = new LinkedHashSet<>();
        for (MessageLogEvent event : events) {
            if (event.isMessage()) {
                ids.add(event.src());
                ids.add(event.dest());
            }
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(Comparator.comparing((String id) -> Endpoints.isClient(id) ? 1 : 0).thenComparing(LamportDiagram::number)
                .thenComparing(Comparator.naturalOrder()));
        return sorted;
    }

    private static long number(String id) {
        String digits = id.replaceAll("\\D", "");
        return digits.isEmpty() || digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
