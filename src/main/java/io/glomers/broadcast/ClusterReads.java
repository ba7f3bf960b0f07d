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
        long[] mine = own.countAndMillisUntilNow();
        double count = mine == null ? 0 : mine[0];
        double millis = mine == null ? 0 : mine[1];
        for (long[] report : reported.values()) {
            count += report[0];
            millis += report[1];
        }
        return millis <= 0 ? 0 : (count + Math.sqrt(count) + 1) * 1000 / millis;
    }
}
