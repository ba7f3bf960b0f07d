package io.glomers.broadcast;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the hub has measured of the cluster and its network: all the adaptive overlay's planning
 * depends on.
 *
 * @param nodes           the cluster's size, the hub included
 * @param valuesPerSecond new values arriving in the whole cluster
 * @param readsPerSecond  reads one node's clients make
 * @param delays          one-way delays of recent gossip, in milliseconds, in the order they arrived
 * @param originWaits     how long values waited for their origin's batch under the direct plan in force, each as a
 *                        share of the linger, in ascending order ({@link OriginWaits}); none where none was measured
 */
record Conditions(int nodes, double valuesPerSecond, double readsPerSecond, long[] delays, double[] originWaits) {

    Conditions {
        if (nodes < 1 || valuesPerSecond < 0 || readsPerSecond < 0 || delays.length == 0) {
            throw new IllegalArgumentException("conditions need nodes, a rate and delays: " + nodes + ", "
                    + valuesPerSecond + ", " + delays.length + " delays");
        }
        delays = delays.clone();
        originWaits = originWaits.clone();
        Arrays.sort(originWaits);
    }

    /** Without a measured wait at the origins. */
    Conditions(int nodes, double valuesPerSecond, double readsPerSecond, long[] delays) {
        this(nodes, valuesPerSecond, readsPerSecond, delays, new double[0]);
    }

    /** The mean of {@link #originWaits}, NaN where none was measured. */
    double originWaitShare() {
        return Arrays.stream(originWaits).average().orElse(Double.NaN);
    }

    /** Several quantiles of the delays from one sort. */
    long[] delayQuantiles(double... qs) {
        return DelaySamples.quantiles(delays, qs);
    }

    /** The hop a star's two must fit in, read from these delays as from the start's ({@link StartHops#longestHop}). */
    long longestHop() {
        long[] sorted = delays.clone();
        Arrays.sort(sorted);
        return StartHops.longestHop(sorted);
    }

    /**
     * The scale of the delays' tail: their mean excess over their 90th percentile, in milliseconds. An
     * exponential tail's mean, a twentieth of a uniform network's range, next to nothing on a steady one.
     */
    double tailScale() {
        long[] sorted = delays.clone();
        Arrays.sort(sorted);
        int from = (int) Math.floor(0.9 * sorted.length);
        double excess = 0;
        for (int i = from + 1; i < sorted.length; i++) {
            excess += sorted[i] - sorted[from];
        }
        return sorted.length - from > 1 ? excess / (sorted.length - from - 1) : 0;
    }

    /**
     * Whether a plan chosen under {@code other} still stands under these: the same cluster, rates
     * within a tenth and the delays' quantiles within a few milliseconds. Choosing again would give the
     * same plan, or one the planner would not switch to; the hub saves the work (the planner's runs
     * are the hub's heaviest task).
     */
    boolean closeTo(Conditions other) {
        if (nodes != other.nodes || !near(valuesPerSecond, other.valuesPerSecond) || !near(readsPerSecond, other.readsPerSecond)
                || !nearWaits(other)) {
            return false;
        }
        long[] mine = delayQuantiles(0.5, 0.9, 0.99, 0.999);
        long[] theirs = other.delayQuantiles(0.5, 0.9, 0.99, 0.999);
        for (int i = 0; i < mine.length; i++) {
            if (Math.abs(mine[i] - theirs[i]) > Math.max(3, 0.03 * Math.max(mine[i], theirs[i]))) {
                return false;
            }
        }
        return true;
    }

    /** Both unmeasured, or means and medians within a twentieth of the linger. */
    private boolean nearWaits(Conditions other) {
        if (originWaits.length == 0 || other.originWaits.length == 0) {
            return originWaits.length == other.originWaits.length;
        }
        return Math.abs(originWaitShare() - other.originWaitShare()) <= 0.05
                && Math.abs(originWaitMedian() - other.originWaitMedian()) <= 0.05;
    }

    /** The median of {@link #originWaits}; only where some were measured. */
    private double originWaitMedian() {
        return originWaits[originWaits.length / 2];
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= 0.1 * Math.max(a, b);
    }

    /** For the log. */
    String describe() {
        long[] quantiles = delayQuantiles(0.5, 0.99);
        return String.format(Locale.ROOT,
                "%d nodes, %.1f values/s, %.1f reads/s a node, one-way delay median %d ms, p99 %d ms (%d samples)%s",
                nodes, valuesPerSecond, readsPerSecond, quantiles[0], quantiles[1], delays.length, originWaits.length == 0
                        ? "" : String.format(Locale.ROOT, ", values waited %.2f of the linger (median %.2f)", originWaitShare(),
                                originWaitMedian()));
    }
}
