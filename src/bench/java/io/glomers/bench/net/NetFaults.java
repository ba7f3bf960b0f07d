package io.glomers.bench.net;

import java.time.Duration;
import java.util.Random;

/**
 * Network faults beyond Maelstrom's: duplicated, reordered and spiking server-to-server messages.
 * Client links stay clean, as in Maelstrom. Every draw comes from the run's seeded random source,
 * and a fault that is off draws nothing, so runs without faults replay the seeds they always had.
 *
 * @param duplicateProbability  chance that a message is delivered a second time, after its own latency draw
 * @param reorderProbability    chance that a message is held back by a uniform draw from [0, reorderWindow),
 *                              so that messages sent after it overtake it (even under constant latency)
 * @param delaySpikeProbability chance that a message is delayed by an extra {@code delaySpike}
 */
public record NetFaults(double duplicateProbability, double reorderProbability, Duration reorderWindow,
                        double delaySpikeProbability, Duration delaySpike) {

    public static final NetFaults NONE = new NetFaults(0, 0, Duration.ofMillis(100), 0, Duration.ofSeconds(1));

    public NetFaults {
        probability("--duplicate-probability", duplicateProbability);
        probability("--reorder-probability", reorderProbability);
        probability("--delay-spike-probability", delaySpikeProbability);
        if (reorderWindow.isNegative() || delaySpike.isNegative()) {
            throw new IllegalArgumentException("--reorder-window and --delay-spike must not be negative");
        }
    }

    public boolean any() {
        return duplicateProbability > 0 || reorderProbability > 0 || delaySpikeProbability > 0;
    }

    /** Delay on top of the latency draw: a spike and/or a reordering hold-back. */
    public Duration extraDelay(Random random) {
        Duration extra = Duration.ZERO;
        if (delaySpikeProbability > 0 && random.nextDouble() < delaySpikeProbability) {
            extra = extra.plus(delaySpike);
        }
        if (reorderProbability > 0 && random.nextDouble() < reorderProbability) {
            extra = extra.plusNanos((long) (random.nextDouble() * reorderWindow.toNanos()));
        }
        return extra;
    }

    /** Whether this message is also delivered a second time. */
    public boolean duplicates(Random random) {
        return duplicateProbability > 0 && random.nextDouble() < duplicateProbability;
    }

    public NetFaults withDuplicateProbability(double p) {
        return new NetFaults(p, reorderProbability, reorderWindow, delaySpikeProbability, delaySpike);
    }

    public NetFaults withReorder(double p, Duration window) {
        return new NetFaults(duplicateProbability, p, window, delaySpikeProbability, delaySpike);
    }

    public NetFaults withDelaySpike(double p, Duration spike) {
        return new NetFaults(duplicateProbability, reorderProbability, reorderWindow, p, spike);
    }

    private static void probability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + p);
        }
    }
}
