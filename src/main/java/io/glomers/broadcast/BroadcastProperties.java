package io.glomers.broadcast;

import java.time.Duration;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How values travel between nodes. The defaults live in one place, {@code config/application.properties}
 * (no {@code @DefaultValue} here, so that no second copy can disagree with it; a property missing
 * from it fails the start naming the property); the {@code fast}, {@code balanced} and {@code lean}
 * profiles pick points on the messages/latency frontier. Tests start from the same file
 * ({@code ShippedConfig}).
 *
 * @param strategy             {@code direct}: the node that takes a broadcast sends it to every peer
 *                             (one hop); {@code star}: it sends it to the hub, which sends it to everyone
 *                             (two hops, batched at the hub); {@code adaptive}: the hub chooses the shape
 *                             and the batching that meet the {@code objective} with the fewest messages,
 *                             starting from the star of {@code origin} and {@code relay}
 * @param hub                  the hub's node id; blank for the first id in {@code init}'s node_ids
 * @param origin               batching of values this node took from clients
 * @param relay                batching of values the hub passes on
 * @param ackDelay             how long a receiver waits for outgoing traffic to carry its acknowledgement
 *                             before it sends a bare one
 * @param retransmitTimeout    how long an unconfirmed value waits before it is sent again; must exceed
 *                             the ack delay plus a round trip, or healthy links retransmit
 * @param maxRetransmitTimeout ceiling of the exponential backoff while a peer stays unreachable
 * @param repairGrace          how long a value must have been here before a peer's lack of it counts as a
 *                             gap to repair rather than a delivery or acknowledgement still on its way;
 *                             must exceed the ack delay
 * @param lossDetection        a value a peer's summary still lacks this long after it was sent is taken as
 *                             lost and sent again at once; longer than any plausible network delay
 * @param objective            what the {@code adaptive} strategy aims for
 * @param limits               what one message from a peer may make this node hold or compute
 */
@ConfigurationProperties(BroadcastProperties.PREFIX)
public record BroadcastProperties(
        Strategy strategy,
        String hub,
        Batching origin,
        Batching relay,
        Duration ackDelay,
        Duration retransmitTimeout,
        Duration maxRetransmitTimeout,
        Duration repairGrace,
        Duration lossDetection,
        Objective objective,
        Limits limits) {

    public static final String PREFIX = "broadcast";

    /** How long a node may hold its {@code init_ok}: only the adaptive overlay waits, for the hub's word on the hops. */
    Duration readyWait() {
        return strategy == Strategy.ADAPTIVE ? objective.readyWait() : Duration.ZERO;
    }

    public enum Strategy { DIRECT, STAR, ADAPTIVE }

    /**
     * What the {@code adaptive} strategy promises instead of fixed intervals: the time from a
     * client's broadcast until every node has the value, as a median and a maximum. It plans for
     * the objective less a margin, because its prediction is made from measurements that move; the
     * maximum, one value's worst moment, moves more than the median of many.
     *
     * @param median         the median of that time, over the values of a run
     * @param max            its maximum over the values of a run
     * @param medianMargin   the share of the median kept in reserve, in [0, 1)
     * @param maxMargin      the share of the maximum kept in reserve where the delays have a heavy tail, in [0, 1)
     * @param maxMarginFloor the share kept where they have none (a steady or bounded network), for what moves a
     *                       run's maximum besides the network; in [0, maxMargin]
     * @param horizon        the length of the run the maximum is over: it sets how far into the tail
     *                       of the network's delays the maximum reaches
     * @param replanInterval how often the hub may choose a new plan while values flow
     * @param readyWait      how long a node may hold its {@code init_ok} while the hub learns the network's hops
     *                       (Maelstrom allows 10 s from {@code init}, start-up included); zero: not at all
     */
    public record Objective(Duration median, Duration max, double medianMargin, double maxMargin, double maxMarginFloor,
            Duration horizon, Duration replanInterval, Duration readyWait) {
        public Objective {
            required("objective.median", median);
            required("objective.max", max);
            required("objective.horizon", horizon);
            required("objective.replan-interval", replanInterval);
            required("objective.ready-wait", readyWait);
            if (Stream.of(median, max, horizon, replanInterval).anyMatch(d -> d.isNegative() || d.isZero())) {
                throw new IllegalArgumentException("broadcast.objective.median, max, horizon and replan-interval must be"
                        + " positive, were " + median + ", " + max + ", " + horizon + ", " + replanInterval);
            }
            requireNonNegative("objective.ready-wait", readyWait);
            if (!(medianMargin >= 0 && medianMargin < 1 && maxMargin >= 0 && maxMargin < 1)) {
                throw new IllegalArgumentException("broadcast.objective.median-margin and max-margin must be in [0, 1), were "
                        + medianMargin + " and " + maxMargin);
            }
            if (!(maxMarginFloor >= 0 && maxMarginFloor <= maxMargin)) {
                throw new IllegalArgumentException("broadcast.objective.max-margin-floor must be in [0, max-margin], was "
                        + maxMarginFloor + " with max-margin " + maxMargin);
            }
        }
    }

    /**
     * When a link sends: no sooner than {@code linger} after its first pending value (to collect
     * more), and no sooner than {@code minInterval} after its previous message.
     */
    public record Batching(Duration linger, Duration minInterval) {
        public Batching {
            required("linger", linger);
            required("min-interval", minInterval);
            requireNonNegative("linger", linger);
            requireNonNegative("min-interval", minInterval);
        }
    }

    /**
     * Caps on one gossip message, in both directions: this node never sends more, and refuses more
     * with error 12 (malformed-request) naming the limit. They keep memory and work per message
     * bounded whatever the numbers in it say (docs/dissemination.md, "Limits").
     *
     * @param maxValuesPerGossip values one gossip may carry; more are sent in several messages
     * @param maxSummaryRanges   ranges one summary ({@code have}) may hold; a store more fragmented
     *                           than that is summarised by its lowest ranges, which under-states it
     *                           (the peer re-sends values it need not, nothing is lost)
     * @param maxSummarySpan     values one summary may describe in total (the sum of its ranges'
     *                           lengths): the memory and time a summary costs grow with it
     */
    public record Limits(int maxValuesPerGossip, int maxSummaryRanges, long maxSummarySpan) {

        public Limits {
            if (maxValuesPerGossip < 1 || maxSummaryRanges < 1 || maxSummarySpan < 1) {
                throw new IllegalArgumentException("broadcast.limits.* must be positive, were max-values-per-gossip="
                        + maxValuesPerGossip + ", max-summary-ranges=" + maxSummaryRanges
                        + ", max-summary-span=" + maxSummarySpan);
            }
        }
    }

    public BroadcastProperties {
        required("strategy", strategy);
        required("origin.*", origin);
        required("relay.*", relay);
        required("ack-delay", ackDelay);
        required("retransmit-timeout", retransmitTimeout);
        required("max-retransmit-timeout", maxRetransmitTimeout);
        required("repair-grace", repairGrace);
        required("loss-detection", lossDetection);
        required("objective.*", objective);
        required("limits.*", limits);
        requireNonNegative("ack-delay", ackDelay);
        requireNonNegative("repair-grace", repairGrace);
        requireNonNegative("loss-detection", lossDetection);
        if (retransmitTimeout.compareTo(ackDelay) <= 0) {
            throw new IllegalArgumentException("broadcast.retransmit-timeout (" + retransmitTimeout
                    + ") must exceed broadcast.ack-delay (" + ackDelay + "), or every healthy link retransmits");
        }
        if (repairGrace.compareTo(ackDelay) <= 0) {
            throw new IllegalArgumentException("broadcast.repair-grace (" + repairGrace + ") must exceed broadcast.ack-delay ("
                    + ackDelay + "), or repairers refill values whose acknowledgement is still due");
        }
        if (maxRetransmitTimeout.compareTo(retransmitTimeout) < 0) {
            throw new IllegalArgumentException("broadcast.max-retransmit-timeout (" + maxRetransmitTimeout
                    + ") must be at least broadcast.retransmit-timeout (" + retransmitTimeout + ")");
        }
    }

    private static void required(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("broadcast." + name + " is not set; config/application.properties sets every"
                    + " broadcast.* default (is the launcher's config location missing?)");
        }
    }

    private static void requireNonNegative(String name, Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("broadcast." + name + " must not be negative, was " + value);
        }
    }
}
