package io.glomers.broadcast;

import java.util.ArrayDeque;

/**
 * Values that arrived here within the last grace period. A peer that lacks one of them is not
 * (yet) a gap to fill: the value may still be on its way to the peer, or its acknowledgement on
 * its way back.
 */
final class RecentArrivals {

    private final long graceMillis;
    private final ArrayDeque<long[]> arrivals = new ArrayDeque<>();
    private final ValueSet values = new ValueSet();

    RecentArrivals(long graceMillis) {
        this.graceMillis = graceMillis;
    }

    void add(long nowMillis, long value) {
        arrivals.addLast(new long[] {nowMillis, value});
        values.add(value);
    }

    /** The values that arrived within the grace period before {@code nowMillis}. */
    ValueSet asOf(long nowMillis) {
        long horizon = nowMillis - graceMillis;
        while (!arrivals.isEmpty() && arrivals.peekFirst()[0] < horizon) {
            values.remove(arrivals.pollFirst()[1]);
        }
        return values;
    }
}
