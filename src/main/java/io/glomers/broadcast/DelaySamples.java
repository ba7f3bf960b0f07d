package io.glomers.broadcast;

import java.util.Arrays;
import lombok.extern.slf4j.Slf4j;

/**
 * One-way delays of the latest gossip this node received: its arrival time less the send time the
 * sender stamped on it. That needs the nodes to read one clock, which holds where Maelstrom runs
 * them (every node is a process of one machine, and the loop's clock is the machine's monotonic
 * one) and in the simulator; a delay below zero shows that it does not hold, and then no delay is
 * believed again.
 *
 * <p>The record spans seconds, so a network that changes (a spell of slow hops, and its end) would
 * show in it only as the old delays leave it, and the plan would follow seconds late. At each look
 * the record is split where it changes most ({@link #sinceTheNetworkChanged}); where the two sides
 * differ beyond doubt and by half or more, the delays before the split are forgotten.
 */
@Slf4j
final class DelaySamples {

    /** Enough for a tail quantile, few enough that a change of the network shows within seconds. */
    static final int CAPACITY = 512;
    /** Clock readings may disagree by this much without the clocks counting as different. */
    private static final long CLOCK_SLACK_MILLIS = 2;
    /** The fewest delays on each side of a change: a tail quantile's worth, and more than a few late messages. */
    static final int CHANGE_SIDE = 32;
    /** How much longer (or shorter) the typical delay must have become: half as long again. */
    static final double CHANGE_RATIO = Math.log(1.5);
    /**
     * How many standard errors the two sides' typical delays must differ by. The best split of an unchanging
     * record of 512 delays scores about 2, 5.3 at most in 800 (exponential, uniform, steady); 64 delays
     * after a change, steady hops that tripled score thousands, uniform ones 9, an exponential's mean that
     * tripled 7 (found three times in four; with 128 delays, 199 times in 200). {@code DelayChangeScores} prints these.
     */
    static final double CHANGE_SCORE = 6;
    /** Delays are compared as log(delay + this): a change from 1 to 3 ms is not a change of the network. */
    private static final double FLOOR_MILLIS = 5;

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

    /**
     * The recorded delays, oldest first, from the latest change of the network on: if the record splits
     * into two parts, each of {@link #CHANGE_SIDE} delays or more, whose typical delays (the mean of
     * log(delay + {@link #FLOOR_MILLIS})) differ by {@link #CHANGE_RATIO} and by {@link #CHANGE_SCORE}
     * standard errors (each side's own spread), the older part is forgotten; of several such splits, the
     * one that differs most.
     */
    long[] sinceTheNetworkChanged() {
        long[] delays = snapshot();
        Split split = bestSplit(delays, CHANGE_RATIO);
        if (split.score() <= CHANGE_SCORE) {
            return delays;
        }
        long[] kept = Arrays.copyOfRange(delays, split.at(), delays.length);
        log.info("The network changed: one-way delays typically {} ms, were {} ms; the {} recorded before the change"
                + " are forgotten", typical(kept), typical(Arrays.copyOf(delays, split.at())), split.at());
        System.arraycopy(kept, 0, ring, 0, kept.length);
        count = kept.length;
        next = count % CAPACITY;
        return kept;
    }

    /** Where a record splits: the older side's length, and by how many standard errors the sides differ. */
    record Split(int at, double score) {
    }

    /**
     * The split of {@code delays} whose sides, each of {@link #CHANGE_SIDE} or more, differ by the most
     * standard errors among those whose typical delays differ by {@code minRatio} (a log) or more; at 0
     * with score 0 where none does.
     */
    static Split bestSplit(long[] delays, double minRatio) {
        int n = delays.length;
        double[] sum = new double[n + 1];
        double[] squares = new double[n + 1];
        for (int i = 0; i < n; i++) {
            double x = Math.log(delays[i] + FLOOR_MILLIS);
            sum[i + 1] = sum[i] + x;
            squares[i + 1] = squares[i] + x * x;
        }
        Split best = new Split(0, 0);
        for (int k = CHANGE_SIDE; k <= n - CHANGE_SIDE; k++) {
            double before = sum[k] / k;
            double after = (sum[n] - sum[k]) / (n - k);
            // Each side's own spread: slow delays mixed among usual ones make a side spread out, not a new level.
            double spreadBefore = Math.max(0, squares[k] / k - before * before);
            double spreadAfter = Math.max(0, (squares[n] - squares[k]) / (n - k) - after * after);
            double error = Math.sqrt(Math.max(spreadBefore / k + spreadAfter / (n - k), 1e-12));
            double score = Math.abs(after - before) / error;
            if (Math.abs(after - before) >= minRatio && score > best.score()) {
                best = new Split(k, score);
            }
        }
        return best;
    }

    private static long typical(long[] delays) {
        return quantiles(delays, 0.5)[0];
    }

    /** Several quantiles of {@code delays} from one sort. */
    static long[] quantiles(long[] delays, double... qs) {
        long[] sorted = delays.clone();
        Arrays.sort(sorted);
        long[] quantiles = new long[qs.length];
        for (int i = 0; i < qs.length; i++) {
            quantiles[i] = sorted[(int) Math.min(sorted.length - 1, Math.floor(qs[i] * sorted.length))];
        }
        return quantiles;
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
