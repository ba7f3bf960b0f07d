package io.glomers.broadcast;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import lombok.extern.slf4j.Slf4j;

/**
 * How often one node's clients read, as the hub plans with it: the reads the hub's clients and each
 * origin's (reported on its gossip) made, over the time they were watched. Maelstrom spreads its reads
 * evenly over the nodes, so one node's clients make a few a window at low rates (at rate 10 and 25 nodes,
 * one in five seconds), and a window with none read as clients that never stop reading; every node's
 * together are the same rate counted from n times as many reads. Few reads still leave the rate uncertain,
 * and a rate taken too low is the dangerous error (the fewer reads, the fewer miss a value, and the slower
 * the plan that looks fast enough), so the count is raised by its Poisson spread plus one.
 * Event loop only.
 */
@Slf4j
final class ClusterReads {

    /** Reads counted before the rate is believed, unless the clients were watched {@link #MIN_WATCHED_MILLIS}. */
    static final int MIN_READS = 10;
    /** The clients' time watched, summed over the nodes, after which even a count of none is believed. */
    static final long MIN_WATCHED_MILLIS = 8_000;

    private final ClientReads own;
    /** Each origin's latest report: {@code [count, millis]}. */
    private final Map<String, long[]> reported = new HashMap<>();
    private boolean toldMalformed;

    ClusterReads(ClientReads own) {
        this.own = own;
    }

    /** What this node tells the hub. */
    long[] ownReport() {
        return own.countAndMillis();
    }

    /** A peer's gossip came, with its report or without one. */
    void heard(String peer, long[] countAndMillis) {
        if (countAndMillis == null) {
            return;
        }
        if (countAndMillis.length != 2 || countAndMillis[0] < 0 || countAndMillis[1] < 0) {
            if (!toldMalformed) {
                toldMalformed = true;
                log.warn("Gossip from {} reported reads as {}, not [count, millis]; ignoring such reports", peer,
                        Arrays.toString(countAndMillis));
            }
            return;
        }
        reported.put(peer, countAndMillis);
    }

    /** Reads a second one node's clients make, from every count known here; 0 before any was watched. */
    double perNode() {
        return raised(pooled());
    }

    /**
     * The same, but not below {@code valuesPerNode}, the values one node's clients give it, until the count is
     * believed ({@link #MIN_READS} reads, or {@link #MIN_WATCHED_MILLIS} of the clients' time watched without them).
     * Maelstrom's clients mix reads and broadcasts evenly. Few reads over a long watch are a low rate, but
     * at the workload's start it can be the start's: 17 nodes at 300 ms, the hub's first look came 1.0 s into the
     * workload with no read reported over 4 s of the clients' time (origins report a hop late, and the clients' first
     * second reads at half their later rate), planned for 0.25 reads a second a node where the clients went on to
     * read 2.3, and took a star whose two hops ran the run to 671 ms. Where few reads were watched briefly, the raised
     * count is already high (rate 10: reports are rare, and one read over a second of watching reads as three a second).
     */
    double perNode(double valuesPerNode) {
        long[] pooled = pooled();
        double counted = raised(pooled);
        boolean believed = pooled[0] >= MIN_READS || pooled[1] >= MIN_WATCHED_MILLIS;
        // Nothing watched reads as 0, which the model takes for clients that never stop reading: no floor for that.
        return believed || pooled[1] <= 0 ? counted : Math.max(counted, valuesPerNode);
    }

    /** A pooled {@code [count, millis]} as a rate a second, raised by the count's Poisson spread and one; 0 where nothing was watched. */
    private static double raised(long[] pooled) {
        return pooled[1] <= 0 ? 0 : (pooled[0] + Math.sqrt(pooled[0]) + 1) * 1000 / pooled[1];
    }

    /** Every count known here, and the time they watched: {@code [count, millis]}. */
    private long[] pooled() {
        long[] mine = own.countAndMillisUntilNow();
        long count = mine == null ? 0 : mine[0];
        long millis = mine == null ? 0 : mine[1];
        for (long[] report : reported.values()) {
            count += report[0];
            millis += report[1];
        }
        return new long[] {count, millis};
    }
}
