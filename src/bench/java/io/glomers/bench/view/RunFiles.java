package io.glomers.bench.view;

import java.util.List;

/**
 * The names of what a run leaves in its directory, Maelstrom's names where Maelstrom has the file,
 * so that {@code open store/latest/messages.svg} works here as it does there.
 */
public final class RunFiles {

    public static final String RESULTS = "results.edn";
    public static final String HISTORY = "history.edn";
    public static final String JOURNAL = "messages.log";
    public static final String NODE_LOGS = "node-logs";
    public static final String LATENCY_RAW = "latency-raw.png";
    public static final String LATENCY_QUANTILES = "latency-quantiles.png";
    public static final String RATE = "rate.png";
    public static final String MESSAGES_SVG = "messages.svg";
    public static final String TIMELINE = "timeline.html";
    /** The link in the store to the last run written, as Maelstrom's {@code store/latest}. */
    public static final String LATEST = "latest";

    /** The pictures in the order a reader wants them: how fast, how steady, how many, then the detail. */
    public static final List<String> PICTURES = List.of(LATENCY_RAW, LATENCY_QUANTILES, RATE, MESSAGES_SVG, TIMELINE);

    private RunFiles() {
    }
}
