package io.glomers.broadcast;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Values that arrived here within the last grace period. A peer that lacks one of them is not
 * (yet) a gap to fill: the value may still be on its way to the peer, or its acknowledgement on
 * its way back.
 */
final class RecentArrivals {

    private final long graceMillis;
    private final ArrayDeque<long[]> arrivals = new ArrayDeque<>();
    private final ValueSet values = new ValueSet();
    /** When each value of {@link #values} arrived (the latest time, should one arrive twice). */
    private final Map<Long, Long> arrivedAt = new HashMap<>();

    RecentArrivals(long graceMillis) {
        this.graceMillis = graceMillis;
    }

    void add(long nowMillis, long value) {
        arrivals.addLast(new long[] {nowMillis, value});
        values.add(value);
        arrivedAt.put(value, nowMillis);
    }

    /**
     * Takes out of {@code lacking} the values that arrived at or after {@code horizonMillis};
     * anything older than the grace period before {@code nowMillis} is forgotten first, so a horizon
     * earlier than that takes out only the grace period's. It looks up the values {@code lacking}
     * holds of the period, not the whole period: the hub runs this on every message from a partner,
     * and at {@code --rate 1000} a second of arrivals is hundreds of values, which a set built of
     * them on each message made a quarter of the hub's work (real Maelstrom, 12 nodes, sampled).
     */
    void removeArrivedSince(ValueSet lacking, long horizonMillis, long nowMillis) {
        long forget = nowMillis - graceMillis;
        while (!arrivals.isEmpty() && arrivals.peekFirst()[0] < forget) {
            long[] oldest = arrivals.pollFirst();
            if (arrivedAt.remove(oldest[1], oldest[0])) {
                values.remove(oldest[1]);
            }
        }
        if (horizonMillis <= forget) {
            lacking.removeAll(values);
            return;
        }
        for (long value : lacking.intersection(values).toArray()) {
            if (arrivedAt.get(value) >= horizonMillis) {
                lacking.remove(value);
            }
        }
    }
}
