package io.glomers.broadcast;

import java.util.Arrays;

/**
 * One-way delays of the latest gossip this node received: its arrival time less the send time the
 * sender stamped on it. That needs the nodes to read one clock, which holds where Maelstrom runs
 * them (every node is a process of one machine, and the loop's clock is the machine's monotonic
 * one) and in the simulator; a delay below zero shows that it does not hold, and then no delay is
 * believed again.
 */
final class DelaySamples {

    /** Enough for a tail quantile, few enough that a change of the network shows within seconds. */
    static final int CAPACITY = 512;
    /** Clock readings may disagree by this much without the clocks counting as different. */
    private static final long CLOCK_SLACK_MILLIS = 2;

    private final long[] ring = new long[CAPACITY];
    private int count;
    private int next;
    private boolean clocksDisagree;

    /** A gossip stamped {@code sentAt} arrived at {@code now}; false once the clocks turned out not to be shared. */
    boolean record(long sentAt, long now) {
        long delay = now - sentAt;
        if (delay < -CLOCK_SLACK_MILLIS) {
            clocksDisagree = true;
        }
        if (clocksDisagree) {
            return false;
        }
        ring[next] = Math.max(0, delay);
        next = (next + 1) % CAPACITY;
        count = Math.min(CAPACITY, count + 1);
        return true;
    }

    boolean clocksDisagree() {
        return clocksDisagree;
    }

    int size() {
        return count;
    }

    /** The recorded delays, oldest first. */
    long[] snapshot() {
        if (count < CAPACITY) {
            return Arrays.copyOf(ring, count);
        }
        long[] ordered = new long[CAPACITY];
        System.arraycopy(ring, next, ordered, 0, CAPACITY - next);
        System.arraycopy(ring, 0, ordered, CAPACITY - next, next);
        return ordered;
    }
}
