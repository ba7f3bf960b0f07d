package io.glomers.broadcast;

import java.util.ArrayDeque;

/** How many events (new values, reads) arrive per second, over a sliding window. */
final class ArrivalRate {

    /** The window: long enough to smooth Poisson arrivals, short enough to follow a change. */
    private static final long WINDOW_MILLIS = 5_000;

    private final ArrayDeque<Long> arrivals = new ArrayDeque<>();
    private long firstArrival = Long.MIN_VALUE;

    void arrived(long now) {
        if (firstArrival == Long.MIN_VALUE) {
            firstArrival = now;
        }
        arrivals.addLast(now);
        forget(now);
    }

    /** How long the window has been watching: shorter than the window at first. */
    long watched(long now) {
        return firstArrival == Long.MIN_VALUE ? 0 : Math.min(WINDOW_MILLIS, now - firstArrival);
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
