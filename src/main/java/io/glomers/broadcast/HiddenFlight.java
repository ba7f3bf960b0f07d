package io.glomers.broadcast;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How much of a copy's flight a receiving node's reads do not see, for {@link DeliveryModel}: Maelstrom
 * delivers a node's messages one at a time and sleeps until the next is due, and its client waits for
 * each reply (docs/dissemination.md, "The adaptive overlay").
 * <ul>
 *   <li>The loop takes the copy up once the message before it is delivered, or when it is sent if the
 *       loop was idle; reads that start from then on wait for it and see it. The part of the flight so
 *       hidden is the gap since the send before, at most the hop.
 *   <li>Reads that started before then missed it. When the loop was asleep on the message before (the
 *       gap was shorter than a hop), the client's last reply came when that message was delivered, and
 *       it asked again a think time later: its last read that missed started about one message's
 *       sleep before the copy was taken up, not at a random moment. A read that close misses the copy
 *       only where two gaps in a row are short.
 * </ul>
 * Which gaps come in a row depends on who sends to the node: a few origins, each a batch no sooner
 * than a linger after the last (three nodes, 300 ms, a 240 ms linger: no two gaps both short, so no
 * value is late by a whole hop and a linger), or many, or the hub's regular flushes. The nearest few
 * origins are drawn one by one; the rest, many and each slow, are taken together as a Poisson stream.
 */
final class HiddenFlight {

    /** Senders other than the copy's own drawn one by one; the rest are a Poisson stream. */
    static final int EXPLICIT = 3;
    private static final long SEED = 0x5EED_2026L + 2;
    private static final int OWN_PERIOD = 0;
    private static final int OWN_PERIOD_BEFORE = 1;
    private static final int HUB_PHASE = 2;
    private static final int REST = 3;
    private static final int REST_BEFORE = 4;
    private static final int THINK = 5;
    private static final int IS_READ = 6;
    private static final int SENDERS = 7;
    private static final int FIELDS = SENDERS + 3 * EXPLICIT;
    /** The draws depend only on the sample's size: shared by every model of a cluster that size. */
    private static final Map<Integer, float[]> DRAWS = new ConcurrentHashMap<>();

    private final int receivers;
    private final float[] draws;

    HiddenFlight(int values, int receivers) {
        this.receivers = receivers;
        this.draws = DRAWS.computeIfAbsent(values * Math.max(1, receivers), size -> draw(size * FIELDS));
    }

    private static float[] draw(int count) {
        SplittableRandom random = new SplittableRandom(SEED);
        float[] drawn = new float[count];
        for (int i = 0; i < count; i++) {
            int field = i % FIELDS;
            boolean uniform = field == HUB_PHASE || field == IS_READ || field >= SENDERS && (field - SENDERS) % 3 == 0;
            drawn[i] = (float) (uniform ? random.nextDouble() : -Math.log(1 - random.nextDouble()));
        }
        return drawn;
    }

    /**
     * A plan's cadence at a receiving node, in ms: an origin's batches come a linger and the wait for
     * its next value apart, the hub's flushes a cycle apart but for the share {@code hubSkips} of them that
     * had nothing for the node ({@link TrafficModel.Rates#skipped}). {@code think} is the client's mean
     * time between a reply and its next operation, {@code readShare} the share of its operations that read.
     */
    record Cadence(double linger, double untilNextValue, double hubCycle, double think, double readShare, double hubSkips) {

        /** An origin's mean time between batches. */
        double meanPeriod() {
            return linger + untilNextValue;
        }

        /** The share of an origin's period its linger takes: where a random moment falls within it. */
        double withinLinger() {
            return linger / (linger + untilNextValue);
        }

        /** From rates a second: new values at one origin, and its client's operations and reads. */
        static Cadence of(long linger, double perOrigin, double hubCycle, double hubSkips, double opsPerOrigin,
                double readsPerSecond) {
            return new Cadence(linger, perOrigin > 0 ? 1000 / perOrigin : Double.MAX_VALUE, hubCycle,
                    opsPerOrigin > 0 ? 1000 / opsPerOrigin : Double.MAX_VALUE, opsPerOrigin > 0 ? readsPerSecond / opsPerOrigin : 0,
                    hubSkips);
        }

        /**
         * How long before a flush the previous one to this node left: a cycle, and another for each flush in
         * between that had nothing for it (geometric, from an exponential draw: at least k more one time in
         * {@code hubSkips} to the k).
         */
        double sinceHubFlush(double exponential) {
            return hubSkips <= 0 ? hubCycle : hubCycle * (1 + Math.floor(exponential / -Math.log(hubSkips)));
        }
    }

    /** Who else sends to the node: how many origins besides the copy's sender, and whether the hub does. */
    record Senders(int otherOrigins, boolean hub) {

        /** To the hub (under {@code direct}, any one node): every other node. */
        static Senders toHub(int nodes) {
            return new Senders(Math.max(0, nodes - 2), false);
        }

        /** To another node, besides the hub that relayed the copy: the origins that fan out. */
        static Senders besidesTheHub(Plan.Shape shape, int nodes) {
            return new Senders(fanning(shape, nodes), false);
        }

        /** To another node, besides the origin that sent the copy: the other origins that fan out, and the hub. */
        static Senders besidesAnOrigin(Plan.Shape shape, int nodes) {
            return new Senders(Math.max(0, fanning(shape, nodes) - 1), shape.relays());
        }

        /** The nodes that send their own clients' values to a node other than the hub. */
        private static int fanning(Plan.Shape shape, int nodes) {
            return Math.max(0, shape.fansOut() ? shape.relays() ? nodes - 2 : nodes - 1 : 0);
        }
    }

    /**
     * Of a copy that took {@code hop} to arrive, the part its receiver's reads do not see: the flight the
     * loop hid, and how long before the loop took the copy up the last read that missed it started.
     * {@code idleReadGap} is that last read's distance where reads come at random moments.
     */
    double unseen(int v, int r, boolean fromHub, double hop, Senders senders, Cadence cadence, double idleReadGap) {
        int at = (v * receivers + r) * FIELDS;
        double own = fromHub ? cadence.sinceHubFlush(draws[at + OWN_PERIOD]) : period(cadence, draws[at + OWN_PERIOD]);
        // The two latest sends before the copy's, as times before it: latest <= second.
        double latest = own;
        double second = own + (fromHub ? cadence.sinceHubFlush(draws[at + OWN_PERIOD_BEFORE])
                : period(cadence, draws[at + OWN_PERIOD_BEFORE]));
        if (senders.hub()) {
            double last = draws[at + HUB_PHASE] * cadence.hubCycle();
            second = secondLatest(latest, second, last, last + cadence.hubCycle());
            latest = Math.min(latest, last);
        }
        int explicit = Math.min(EXPLICIT, senders.otherOrigins());
        for (int j = 0; j < explicit; j++) {
            int s = at + SENDERS + 3 * j;
            double last = sinceLast(cadence, draws[s], draws[s + 1]);
            second = secondLatest(latest, second, last, last + period(cadence, draws[s + 2]));
            latest = Math.min(latest, last);
        }
        int rest = senders.otherOrigins() - explicit;
        if (rest > 0) {
            double meanGap = cadence.meanPeriod() / rest;
            double last = draws[at + REST] * meanGap;
            second = secondLatest(latest, second, last, last + draws[at + REST_BEFORE] * meanGap);
            latest = Math.min(latest, last);
        }
        if (cadence.readShare() == 0) {
            return Math.min(hop, latest); // nothing measured: as if reads came all the time
        }
        if (latest >= hop) {
            return hop + idleReadGap; // the loop was idle when the copy was sent: reads came at random
        }
        double asleep = Math.min(hop, second - latest);
        double think = draws[at + THINK] * cadence.think();
        boolean read = draws[at + IS_READ] < cadence.readShare();
        return latest + (read && think < asleep ? asleep - think : asleep + idleReadGap);
    }

    /**
     * Of the sends {@code latest <= second} and a sender's {@code last <= before}, the second latest: without
     * a branch, which a random draw would mispredict half the time.
     */
    private static double secondLatest(double latest, double second, double last, double before) {
        return Math.min(Math.max(latest, last), Math.min(second, before));
    }

    /** An origin's time between batches: its linger, and the wait for the value that starts the next. */
    private static double period(Cadence cadence, double exponential) {
        return cadence.linger() + exponential * cadence.untilNextValue();
    }

    /**
     * How long ago an origin last sent, at a random moment: its period's backward recurrence, flat over
     * the linger (it sent then for certain) and the period's own tail beyond.
     */
    private static double sinceLast(Cadence cadence, double uniform, double exponential) {
        double withinTheLinger = uniform * cadence.meanPeriod();
        double beyond = period(cadence, exponential);
        return uniform < cadence.withinLinger() ? withinTheLinger : beyond;
    }
}
