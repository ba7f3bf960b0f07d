package io.glomers.broadcast;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * How long the hub's own clients' values wait for their batch under a direct plan, as a share of its linger:
 * what the {@link DeliveryModel} takes for every origin's ({@link Conditions#originWaits}). Values that came
 * at random moments would wait half the linger and the first of each batch all of it. But Maelstrom's clients
 * are held while a gossip is in flight to their node and then come in a burst, whose first value opens the batch
 * and the rest join at once: 3 nodes at 120 ms, rate 400, a 515 ms linger, the median value waited 422 ms
 * (simulated), and the run's median missed 400 ms where 231 was predicted. Measured afresh for each plan. Event
 * loop only.
 */
final class OriginWaits {

    /** Waits before the share is believed. */
    static final int MIN_SAMPLES = 30;
    /** The latest waits the share is taken over, so that it follows the clients as they fall into step. */
    static final int WINDOW = 200;
    /** Values waiting at most: beyond this (a linger no flush ends) the record starts again. */
    private static final int MAX_PENDING = 10_000;

    private final Map<Long, Long> takenAt = new HashMap<>();
    private final double[] shares = new double[WINDOW];
    private int count;

    /** The hub's own client gave it {@code value} at {@code now}. */
    void taken(long value, long now) {
        if (takenAt.size() >= MAX_PENDING) {
            takenAt.clear();
        }
        takenAt.put(value, now);
    }

    /** A gossip with {@code values} left at {@code now}, under a plan whose linger is {@code linger} ms (0: none to measure). */
    void left(long[] values, long now, long linger) {
        if (takenAt.isEmpty()) {
            return; // the hub's flushes carry every node's values: most gossip holds none of its own
        }
        for (long value : values) {
            Long at = takenAt.remove(value);
            if (at != null && linger > 0) {
                shares[count++ % WINDOW] = Math.min(1, (now - at) / (double) linger);
            }
        }
    }

    /** The latest waits as shares of the linger, none until {@link #MIN_SAMPLES} are known. */
    double[] shares() {
        int known = Math.min(count, WINDOW);
        return known >= MIN_SAMPLES ? Arrays.copyOf(shares, known) : new double[0];
    }

    /**
     * How long a value waits at its origin for the batch to leave, from a uniform draw: the first value of a batch
     * waits the whole linger, and the values that join it came at random within it (a batch holds 1 + rate x linger
     * values on average, so the median value waits far less than the linger and the worst all of it). Under a direct
     * plan, where the hub measured longer waits ({@code measured}, ascending shares, and their mean), the draw's quantile of those:
     * the waits of clients in bursts are not of one family (most of a batch waits nearly all the linger, the values
     * its client sent late in it little), and a family fitted to their mean put the median a fifth of the linger short.
     */
    static double predicted(double draw, Plan plan, double valuesPerSecond, double[] measured, double measuredMean) {
        double linger = plan.linger();
        double first = 1 / (1 + valuesPerSecond * linger / 1000);
        if (plan.shape() == Plan.Shape.DIRECT && measured.length > 0 && measuredMean > first + (1 - first) / 2) {
            double at = draw * (measured.length - 1);
            int below = (int) at;
            double above = measured[Math.min(below + 1, measured.length - 1)];
            return linger * (measured[below] + (at - below) * (above - measured[below]));
        }
        return draw < first ? linger : linger * (draw - first) / (1 - first);
    }

    /** A new plan: what was measured under the last one no longer holds. */
    void restart() {
        takenAt.clear();
        count = 0;
    }
}
