package io.glomers.broadcast;

import java.util.ArrayDeque;

/** How many events (new values, reads) arrive per second, over a sliding window. */
final class ArrivalRate {

    /** The window: long enough to smooth Poisson arrivals, short enough to follow a change. */
    private static final long WINDOW_MILLIS = 5_000;
    /** A rate watched this long is believed: a shorter look may have caught a burst. */
    private static final long MIN_WATCHED_MILLIS = 1_000;
    /**
     * So is one counted from this many arrivals, however soon: k Poisson arrivals give the rate to
     * about 1 / sqrt(k), a tenth here (3d's hub counts about 40 values in its first second). At high
     * rates this brings the adaptive hub's first plan forward, and the starting star's unbatched
     * sends cost more the longer it lasts.
     */
    static final int MIN_ARRIVALS = 100;

    private final ArrayDeque<Long> arrivals = new ArrayDeque<>();
    private long watchingSince = Long.MIN_VALUE;

    void arrived(long now) {
        watchFrom(now);
        arrivals.addLast(now);
        forget(now);
    }

    /** Starts watching at {@code now} without an arrival, unless it watches already. */
    void watchFrom(long now) {
        if (watchingSince == Long.MIN_VALUE) {
            watchingSince = now;
        }
    }

    boolean watching() {
        return watchingSince != Long.MIN_VALUE;
    }

    /** How long the window has been watching: shorter than the window at first. */
    long watched(long now) {
        return watchingSince == Long.MIN_VALUE ? 0 : Math.min(WINDOW_MILLIS, now - watchingSince);
    }

    /** Whether the rate has been watched long enough, or counted from enough arrivals, to be believed. */
    boolean known(long now) {
        forget(now);
        return watched(now) >= MIN_WATCHED_MILLIS || arrivals.size() >= MIN_ARRIVALS;
    }

    /** The arrivals in the window. */
    int count(long now) {
        forget(now);
        return arrivals.size();
    }

    double perSecond(long now) {
        forget(now);
        long span = watched(now);
        return span <= 0 ? 0 : arrivals.size() * 1000.0 / span;
    }

    private void forget(long now) {
        while (!arrivals.isEmpty() && arrivals.peekFirst() < now - WINDOW_MILLIS) {
            arrivals.pollFirst();
        }
    }
}
