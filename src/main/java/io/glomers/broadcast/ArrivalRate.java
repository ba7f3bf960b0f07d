package io.glomers.broadcast;

import java.util.ArrayDeque;

/** How many new values arrive per second, over a sliding window. */
final class ArrivalRate {

    private final long windowMillis;
    private final ArrayDeque<Long> arrivals = new ArrayDeque<>();
    private long firstArrival = Long.MIN_VALUE;

    ArrivalRate(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    void arrived(long now) {
        if (firstArrival == Long.MIN_VALUE) {
            firstArrival = now;
        }
        arrivals.addLast(now);
        forget(now);
    }

    /** How long the window has been watching: shorter than the window at first. */
    long watched(long now) {
        return firstArrival == Long.MIN_VALUE ? 0 : Math.min(windowMillis, now - firstArrival);
    }

    double perSecond(long now) {
        forget(now);
        long span = watched(now);
        return span <= 0 ? 0 : arrivals.size() * 1000.0 / span;
    }

    private void forget(long now) {
        while (!arrivals.isEmpty() && arrivals.peekFirst() < now - windowMillis) {
            arrivals.pollFirst();
        }
    }
}
