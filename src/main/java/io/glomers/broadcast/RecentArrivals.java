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

    /**
     * The values that arrived at or after {@code horizonMillis}; anything older than the grace
     * period before {@code nowMillis} is forgotten first, so a horizon earlier than that sees only
     * the grace period.
     */
    ValueSet since(long horizonMillis, long nowMillis) {
        long forget = nowMillis - graceMillis;
        while (!arrivals.isEmpty() && arrivals.peekFirst()[0] < forget) {
            values.remove(arrivals.pollFirst()[1]);
        }
        if (horizonMillis <= forget) {
            return values.copy();
        }
        ValueSet recent = new ValueSet();
        for (var it = arrivals.descendingIterator(); it.hasNext(); ) {
            long[] arrival = it.next();
            if (arrival[0] < horizonMillis) {
                break;
            }
            recent.add(arrival[1]);
        }
        return recent;
    }
}
