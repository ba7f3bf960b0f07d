package io.glomers.broadcast;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A value's latency under a plan as Maelstrom's checker measures it, predicted from what the hub
 * measured: a fixed sample of values, each with its network delays drawn from the measured ones,
 * and each plan judged on the same draws. A value's delays are consecutive measurements from a
 * random point of the record, not independent draws: delays come in spells (a paused process, a busy
 * core delays everything at that moment), and a spell then slows a few values on every path, as it
 * does, instead of every value on one path in twenty, which would make the shape with the fewest
 * hops look far better than it is. Common draws make two plans' predictions differ by the plans
 * alone; the fixed seed makes a plan a function of the measurements, so a simulated run replays exactly.
 *
 * <p>What is predicted, per value and node (docs/dissemination.md, "The adaptive overlay"): the start of
 * the last read that missed it, since Jepsen's set-full checker takes a value's latency from its
 * acknowledgement to that start. That is the copy's arrival less what Maelstrom's one-at-a-time delivery
 * hides of its flight and how long before that its client last read ({@link HiddenFlight}).
 * The value's latency is the latest of those starts over the nodes, 0 where no read missed it, counted from
 * the origin's acknowledgement: its batch's wait ({@link #originWait}), then the hub's ({@link #hubWait}). One
 * value in n is the hub's own clients': it waits for the hub's batch and takes one hop.
 */
final class DeliveryModel {

    /** Values in the sample: enough for the 1-in-a-thousand tail a run's maximum is made of. */
    static final int VALUES = 1000;
    private static final long SEED = 0x5EED_2026L;
    /** A value held at its origin that reaches the hub within this share of the interval before a flush may miss it. */
    private static final double NEAR_MISS = 0.1;

    private final int nodes;
    /** Nodes other than the origin; receiver 0 is the hub (for the hub's own values, its first peer). */
    private final int receivers;
    private final double readsPerSecond;
    /** Origin to hub, per value: the copy the hub gets in every shape. */
    private final double[] toHub;
    /** The earlier of two copies to the hub ({@link Plan.Shape#STAR_TWICE}), the second's the next delay in the record: a spell holds both. */
    private final double[] toHubTwice;
    /** Whether any sampled value's second copy arrives first: on a constant network none does. */
    private final boolean secondCopyHelps;
    /** Where in its batching interval the hub is when the value arrives, as a fraction. */
    private final double[] hubPhase;
    /** Per value, uniform: whether its origin's delivery loop held it back until the hub's gossip came ({@link #hubWait}). */
    private final double[] heldDraw;
    /** Per value, uniform: whether it started its origin's batch, and if not, how far into the linger it came ({@link #originWait}). */
    private final double[] batchDraw;
    /** The delays' mean: how long the hub's gossip is in flight to an origin. */
    private final double meanDelay;
    /** New values a second at one origin. */
    private final double perOrigin;
    /** {@link Conditions#originWaits}, and their mean (NaN where none was measured). */
    private final double[] measuredWaits;
    private final double measuredWaitMean;
    /** Its client's operations a second, reads and broadcasts: how many a cycle of the hub's may hold ({@link #hubWait}). */
    private final double opsPerOrigin;
    /** Per value and receiver: the origin's own send to it, and the hub's (receiver 0: the hub's gossip to the origin). */
    private final float[][] direct;
    private final float[][] relay;
    /** Per value and receiver: since the last read started, in mean gaps between reads, where reads come at random moments. */
    private final float[][] readGap;
    /** What a receiver's delivery loop hides ({@link HiddenFlight}). */
    private final HiddenFlight loop;
    /** A first hop longer than this does not wait for the hub's batch ({@link Judge#hurryAfter}). */
    private final double hurryAfter;

    /** Without the hub's hurry: every value waits for its batch. */
    DeliveryModel(Conditions conditions) {
        this(conditions, Double.POSITIVE_INFINITY);
    }

    DeliveryModel(Conditions conditions, double hurryAfter) {
        this.hurryAfter = hurryAfter;
        SplittableRandom random = new SplittableRandom(SEED);
        long[] delays = conditions.delays();
        nodes = Math.max(1, conditions.nodes());
        receivers = nodes - 1;
        readsPerSecond = conditions.readsPerSecond();
        toHub = new double[VALUES];
        toHubTwice = new double[VALUES];
        hubPhase = new double[VALUES];
        heldDraw = new double[VALUES];
        batchDraw = new double[VALUES];
        perOrigin = conditions.valuesPerSecond() / nodes;
        measuredWaits = conditions.originWaits();
        measuredWaitMean = conditions.originWaitShare();
        opsPerOrigin = perOrigin + readsPerSecond;
        meanDelay = Arrays.stream(delays).average().orElse(0);
        // A stream of its own, so that the draws above are the ones every plan was judged on before.
        SplittableRandom origins = new SplittableRandom(SEED + 1);
        direct = new float[VALUES][receivers];
        relay = new float[VALUES][receivers];
        readGap = new float[VALUES][receivers];
        boolean helps = false;
        for (int v = 0; v < VALUES; v++) {
            int at = random.nextInt(delays.length);
            toHub[v] = delays[at];
            hubPhase[v] = random.nextDouble();
            heldDraw[v] = origins.nextDouble();
            batchDraw[v] = origins.nextDouble();
            for (int r = 0; r < receivers; r++) {
                direct[v][r] = delays[(at + 1 + 2 * r) % delays.length];
                relay[v][r] = delays[(at + 2 + 2 * r) % delays.length];
                random.nextDouble(); // once the gap since a node's last message: kept, so that the read draws stay the same
                readGap[v][r] = (float) -Math.log(1 - random.nextDouble());
            }
            toHubTwice[v] = Math.min(toHub[v], delays[(at + 1) % delays.length]);
            helps |= toHubTwice[v] < toHub[v];
        }
        secondCopyHelps = helps;
        loop = new HiddenFlight(VALUES, receivers);
    }

    /** Whether a second copy to the hub can shorten any value's latency here; if not, the star sent twice only costs more. */
    boolean secondCopyHelps() {
        return secondCopyHelps;
    }

    /**
     * Each sampled value's latency under the plan, sorted, with the message rates the plan makes
     * ({@link TrafficModel#rates}). The origin's linger is counted whole (the first value of a batch
     * waits all of it); the hub's interval by where in it the value arrives.
     */
    double[] latencies(Plan plan, TrafficModel.Rates rates) {
        return latencies(plan, rates, plan.linger(), Double.POSITIVE_INFINITY, 0);
    }

    /**
     * The same, while the other nodes still send by {@code sendersLinger} (under a change of plan: {@link
     * Judge#predict}); or null once more than {@code lateAllowed} values are later than {@code late}: a plan
     * that misses a limit is known to long before its prediction is whole.
     */
    double[] latencies(Plan plan, TrafficModel.Rates rates, long sendersLinger, double late, int lateAllowed) {
        double hubCycle = rates.hubFlushes() > 0 ? 1000 / rates.hubFlushes() : Double.MAX_VALUE;
        double held = heldShare(hubCycle, rates.fromOrigins() > 0 ? 1000 / rates.fromOrigins() : Double.MAX_VALUE);
        Round round = new Round(plan, hubCycle, readsPerSecond > 0 ? 1000 / readsPerSecond : 0,
                HiddenFlight.Cadence.of(sendersLinger, perOrigin, hubCycle, rates.skipped(nodes, perOrigin), opsPerOrigin,
                        readsPerSecond), nodes);
        double[] latencies = new double[VALUES];
        int lateSoFar = 0;
        for (int v = 0; v < VALUES; v++) {
            // One value in n is the hub's own clients': the same draws, taken from there.
            latencies[v] = v % nodes == 0 ? fromTheHub(v, round) : fromAnOrigin(v, round, held);
            if (latencies[v] > late && ++lateSoFar > lateAllowed) {
                return null;
            }
        }
        Arrays.sort(latencies);
        return latencies;
    }

    /** A value another node's clients gave it: to the hub, and on by the plan's shape. */
    private double fromAnOrigin(int v, Round round, double held) {
        Plan plan = round.plan();
        double firstHop = plan.shape().hubCopies() > 1 ? toHubTwice[v] : toHub[v];
        double viaHub = firstHop + (firstHop > hurryAfter ? 0 : hubWait(v, plan, firstHop, round.hubCycle(), held));
        double lingered = originWait(v, plan);
        double latest = seen(v, 0, round, false, lingered + firstHop, firstHop, true);
        for (int r = 1; r < receivers; r++) {
            double fromOrigin = direct[v][r];
            double fromHub = viaHub + relay[v][r];
            boolean relayed = switch (plan.shape()) {
                case STAR, STAR_TWICE -> true;
                case DIRECT -> false;
                case BOTH -> fromHub < fromOrigin;
            };
            latest = Math.max(latest, relayed ? seen(v, r, round, true, lingered + fromHub, relay[v][r], false)
                    : seen(v, r, round, false, lingered + fromOrigin, fromOrigin, false));
        }
        return latest;
    }

    /**
     * A value the hub's own clients gave it: it leaves with the hub's batch under a shape that relays
     * (where in the interval it arrived), after the linger under {@code direct}, one hop to every node.
     * One value in {@code nodes}: in a cluster of two it is the only value that travels from the hub.
     */
    private double fromTheHub(int v, Round round) {
        Plan plan = round.plan();
        boolean relays = plan.shape().relays();
        double leaves = relays ? hubPhase[v] * plan.interval() : originWait(v, plan);
        double latest = 0;
        for (int r = 0; r < receivers; r++) {
            double hop = r == 0 ? toHub[v] : relays ? relay[v][r] : direct[v][r];
            latest = Math.max(latest, seen(v, r, round, relays, leaves + hop, hop, false));
        }
        return latest;
    }

    /**
     * When the last read that missed a copy arriving {@code arrival} after the value's acknowledgement
     * started at its receiver, 0 when none did after the acknowledgement. The hub hears every other node;
     * another node the origins that fan out, and the hub's flushes.
     */
    private double seen(int v, int r, Round round, boolean fromHub, double arrival, double hop, boolean toHub) {
        return Math.max(0, arrival - loop.unseen(v, r, fromHub, hop, toHub ? round.toHub() : fromHub ? round.relayed() : round.direct(),
                round.cadence(), readGap[v][r] * round.meanReadGap()));
    }

    /** What one plan's prediction shares across values: the plan, its hub's cycle and mean read gap (ms), and its cadence. */
    private record Round(Plan plan, double hubCycle, double meanReadGap, HiddenFlight.Cadence cadence,
            HiddenFlight.Senders toHub, HiddenFlight.Senders relayed, HiddenFlight.Senders direct) {
        Round(Plan plan, double hubCycle, double meanReadGap, HiddenFlight.Cadence cadence, int nodes) {
            this(plan, hubCycle, meanReadGap, cadence, HiddenFlight.Senders.toHub(nodes),
                    HiddenFlight.Senders.besidesTheHub(plan.shape(), nodes), HiddenFlight.Senders.besidesAnOrigin(plan.shape(), nodes));
        }
    }

    /** How long the value waits at its origin for the batch to leave ({@link OriginWaits#predicted}). */
    private double originWait(int v, Plan plan) {
        return OriginWaits.predicted(batchDraw[v], plan, perOrigin, measuredWaits, measuredWaitMean);
    }

    /**
     * How long the value waits at the hub for its batch to leave: a random share of the interval, unless
     * its origin's loop held it until the hub's gossip came ({@link #heldShare}). Maelstrom delivers a
     * node's messages one at a time and sleeps on the next one due, so a client's broadcast that reaches
     * the origin while the gossip is in flight is let in when it arrives. Such a value reaches the hub a
     * relay, a linger and a first hop after the hub's flush, and waits for the rest of that cycle (steady
     * 100 ms, 25 nodes, a 250 ms interval: 50 ms, not half the interval). One due just before a flush may
     * miss it (the flush to many peers and the origin's turn take milliseconds, and the cycles drift by as
     * much): within a tenth of the interval, the closer the likelier. Figures: docs/dissemination.md.
     */
    private double hubWait(int v, Plan plan, double firstHop, double hubCycle, double held) {
        long interval = plan.interval();
        if (interval <= 0 || hubCycle == Double.MAX_VALUE || heldDraw[v] >= held) {
            return hubPhase[v] * interval;
        }
        double sinceFlush = relay[v][0] + plan.linger() + firstHop;
        double untilNext = interval * (Math.floor(sinceFlush / interval) + 1) - sinceFlush;
        // The closer to the flush, the likelier missed (the value's own phase draw is free: it was held).
        return hubPhase[v] * NEAR_MISS * interval > untilNext ? untilNext + interval : untilNext;
    }

    /**
     * The share of an origin's values its loop held until the hub's gossip came: the share of the cycle the
     * gossip is in flight, of the hub's share of what the origin hears (origins' messages to each other let
     * values in at random moments), and of the operations its client asks a cycle one at most. Maelstrom runs
     * one client a node, which waits for each reply: the one that came while the gossip was in flight is held,
     * the rest come at random moments (3 nodes, 250 ms: in flight 98 % of the cycle, 24-30 % held).
     */
    private double heldShare(double hubCycle, double meanOriginGap) {
        double hubShare = meanOriginGap == Double.MAX_VALUE ? 1 : meanOriginGap / (meanOriginGap + hubCycle);
        double opsPerCycle = opsPerOrigin * hubCycle / 1000;
        return Math.min(Math.min(1, meanDelay / hubCycle) * hubShare, opsPerCycle > 1 ? 1 / opsPerCycle : 1);
    }
}
