package io.glomers.broadcast;

import io.glomers.runtime.Envelope;
import java.util.HashMap;
import java.util.Map;
import lombok.extern.slf4j.Slf4j;

/**
 * What the adaptive hub measures from traffic it gets anyway: the one-way delay of every gossip (each is
 * stamped with its send time), the rate of new values and how long its own clients' values wait for their batch
 * ({@link OriginWaits}); from them, the {@link Conditions} it plans under,
 * and which gossip is late. Event loop only.
 */
@Slf4j
final class HubMeasurements {

    /** Delays the hub needs before it believes a quantile of them. */
    static final int MIN_SAMPLES = 32;
    /**
     * Where gossip to the hub is sparse (a cluster of two or three, a low rate) its record fills slowly, and the
     * starting plan, judged by nothing, runs meanwhile (2 nodes at rate 10: 18 s of a 20 s run). It plans on
     * this many once it has waited {@link #SLOW_FILL_MILLIS} since the first, and on more at each look after.
     */
    static final int FEW_SAMPLES = 8;
    static final long SLOW_FILL_MILLIS = 3_000;

    private final BroadcastProperties.Objective objective;
    private final DelaySamples delays = new DelaySamples();
    private final ArrivalRate rate = new ArrivalRate();
    private final OriginWaits originWaits = new OriginWaits();
    private final Map<String, Long> peerEpochs = new HashMap<>(); // each peer's latest epoch: its greeting is no sample
    private boolean toldClocksDisagree;
    /** When the first delay was recorded; none yet: MAX_VALUE. */
    private long firstSampleAt = Long.MAX_VALUE;
    /** A gossip whose hop took longer is late: {@link Judge#hurryAfter} of the latest conditions (none before them). */
    private long hurryAfter = Long.MAX_VALUE;

    HubMeasurements(BroadcastProperties.Objective objective) {
        this.objective = objective;
    }

    /**
     * A gossip from {@code from} was read at {@code readAt}. Its delay is recorded unless it is the peer's
     * greeting: a peer's first gossip, sent as it started, perhaps before this node read anything, took
     * the start-up's delay, not the network's.
     *
     * @return whether it was the peer's greeting
     */
    boolean heard(Gossip gossip, String from, long readAt) {
        boolean greeting = !Long.valueOf(gossip.epoch()).equals(peerEpochs.put(from, gossip.epoch()));
        if (timed(gossip, readAt) && !greeting) {
            firstSampleAt = Math.min(firstSampleAt, readAt);
            if (!delays.record(gossip.sent(), readAt) && !toldClocksDisagree) {
                toldClocksDisagree = true;
                log.warn("Gossip from {} arrived before it was sent by this node's clock: the nodes do not share a"
                        + " clock, so delays cannot be measured; the plan stays as it is", from);
            }
        }
        return greeting;
    }

    /** Whether the gossip's delay can be known: it is stamped with its send time, and its reading was timed. */
    static boolean timed(Gossip gossip, long readAt) {
        return gossip.sent() != null && readAt != Envelope.UNKNOWN;
    }

    /** A new value arrived; {@code batched}: from this node's clients, under a direct plan, so its wait for the batch is measured. */
    void arrived(long value, boolean batched, long now) {
        rate.arrived(now);
        if (batched) {
            originWaits.taken(value, now);
        }
    }

    /** A gossip with {@code values} left this node at {@code now} under {@code plan}: its own values' waits, under a direct one. */
    void left(long[] values, long now, Plan plan) {
        originWaits.left(values, now, plan.shape() == Plan.Shape.DIRECT ? plan.linger() : 0);
    }

    /** The plan changed: the waits measured under the last one are no longer the plan's. */
    void planChanged() {
        originWaits.restart();
    }

    /**
     * Whether enough is known by {@code now} to plan: delays enough to believe (or a few, where more were long in
     * coming), a rate watched long enough, one clock.
     */
    boolean enoughToPlan(long now) {
        boolean delaysEnough = delays.size() >= MIN_SAMPLES || delays.size() >= FEW_SAMPLES && now - firstSampleAt >= SLOW_FILL_MILLIS;
        return delaysEnough && rate.known(now) && !delays.clocksDisagree();
    }

    /** The conditions measured by {@code now}, with the delays since the network last changed; they also say what is late. */
    Conditions conditions(int nodes, double readsPerNode, long now) {
        return measured(nodes, rate.perSecond(now), readsPerNode);
    }

    /** The same, with the clients' reads as {@link ClusterReads#perNode(double)} counts them, given the rate of new values. */
    Conditions conditions(int nodes, ClusterReads reads, long now) {
        double valuesPerSecond = rate.perSecond(now);
        return measured(nodes, valuesPerSecond, reads.perNode(valuesPerSecond / nodes));
    }

    private Conditions measured(int nodes, double valuesPerSecond, double readsPerNode) {
        Conditions conditions = new Conditions(nodes, valuesPerSecond, readsPerNode, delays.sinceTheNetworkChanged(),
                originWaits.shares());
        hurryAfter = Math.round(Judge.hurryAfter(objective, conditions));
        return conditions;
    }

    /** Whether the gossip brings values and took a hop past {@link Judge#hurryAfter} of the latest conditions. */
    boolean late(Gossip gossip, long readAt) {
        boolean late = gossip.values().length > 0 && timed(gossip, readAt) && readAt - gossip.sent() > hurryAfter;
        if (late) {
            log.debug("A gossip took {} ms to the hub, past {} ms: its values leave at once", readAt - gossip.sent(), hurryAfter);
        }
        return late;
    }
}
