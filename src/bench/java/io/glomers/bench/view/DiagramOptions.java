package io.glomers.bench.view;

/**
 * Which part of a run's journal {@code messages.svg} draws. A diagram stays usable up to about
 * Maelstrom's 10,000 journal events (a 3b run of 20 s has a few thousand; a 3d run a few hundred
 * thousand, a picture hundreds of thousands of pixels tall); beyond the limit it is not drawn, and
 * {@code bin/challenge draw RUN --svg-events all} or a window ({@code --svg-from S --svg-to S},
 * seconds of history time) draws it anyway.
 *
 * @param eventLimit  the most journal events drawn; 0 for no limit
 * @param fromSeconds the window's start in history time (negative: the setup before the workload)
 * @param toSeconds   the window's end
 */
public record DiagramOptions(long eventLimit, double fromSeconds, double toSeconds) {

    public static final long DEFAULT_EVENT_LIMIT = 10_000;
    public static final DiagramOptions DEFAULT = new DiagramOptions(DEFAULT_EVENT_LIMIT,
            Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public boolean unlimited() {
        return eventLimit <= 0;
    }

    public boolean contains(double seconds) {
        return seconds >= fromSeconds && seconds <= toSeconds;
    }

    public DiagramOptions withLimit(long limit) {
        return new DiagramOptions(limit, fromSeconds, toSeconds);
    }

    public DiagramOptions withWindow(double from, double to) {
        return new DiagramOptions(eventLimit, from, to);
    }
}
