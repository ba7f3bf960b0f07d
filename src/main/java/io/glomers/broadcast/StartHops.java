package io.glomers.broadcast;

import io.glomers.runtime.InitGate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the adaptive overlay knows of the network's hops before the hub's first plan, and the wait
 * for it. Maelstrom starts its workload once every node has answered {@code init}; so every node
 * holds its answer ({@link InitGate}) until the hub has had {@link #rounds} gossips from each node that
 * were sent after the hub started (the first is the node's greeting, or its answer to the hub's where it
 * started before the hub; the hub answers a node it wants more of at once, and the node answers back, with
 * the hop the hub's answer took: a round trip is two hops), and has greeted it with the longest hop it
 * expects from them. A value then never leaves by a star whose
 * two hops cannot meet the objective (docs/dissemination.md, "Before the workload: the hops"). Until
 * the hub knows, or where it never learns it (a hold's deadline passed), each origin goes by the
 * fastest gossip it has had from the hub, and the hub by the fastest greeting.
 */
final class StartHops {

    /** A network whose 90th percentile hop is within this many medians past its median looks bounded. */
    private static final double BOUNDED = 1.5;
    /** Lines a node finds waiting when it starts are read within this of its start. */
    private static final long START_SLACK_MILLIS = 50;
    /**
     * Hops the hub sizes the network by, at the least: from nine (10 nodes) the test for a bounded network
     * read 175 ms uniform as a heavy tail, or its top as a fraction of it, on about one start in eight.
     */
    private static final int SAMPLES = 24;
    /** Nor more rounds than this: each is a round trip before the workload, and two messages a node. */
    private static final int MAX_ROUNDS = 3;

    private final int peers;
    private final int rounds;
    private final long startedAt;
    private final InitGate.Hold hold;
    /** At the hub: how many of each peer's gossips sent after the hub started were taken. */
    private final Map<String, Integer> heard = new HashMap<>();
    private int taken; // those gossips, of every peer: the rounds are done at peers x rounds
    private final List<Long> hops = new ArrayList<>(); // their hops, and the hops of the hub's answers they reported
    /** At an origin: the hop of the hub's latest gossip, until a gossip to the hub reports it. */
    private Long unreported;
    private Long expected; // at the hub, once every peer was heard in every round; at an origin, as the hub said
    private long fastest = Long.MAX_VALUE; // the fastest greeting (hub), or gossip from the hub process (origin)
    private long hubEpoch; // at an origin, the hub process these hops are of
    private boolean preparing; // at the hub: the hold also waits for work that must be done before the workload

    StartHops(int peers, long startedAt, InitGate.Hold hold) {
        this.peers = peers;
        this.rounds = rounds(peers);
        this.startedAt = startedAt;
        this.hold = hold;
        if (peers == 0) {
            hold.release();
        }
    }

    /** Gossips the hub takes from each peer: enough for {@link #SAMPLES} hops ({@link #hopsIn}), in at most {@link #MAX_ROUNDS}. */
    static int rounds(int peers) {
        int hopsEach = (SAMPLES + peers - 1) / Math.max(1, peers);
        int rounds = 1;
        while (rounds < MAX_ROUNDS && hopsIn(rounds) < hopsEach) {
            rounds++;
        }
        return rounds;
    }

    /** Hops a peer's rounds bring the hub: its first gossip one, and each after it two (its own, and the hub's answer). */
    private static int hopsIn(int rounds) {
        return 2 * rounds - 1;
    }

    /**
     * At the hub, a timed gossip from a peer: a sample unless it was sent before the hub started and
     * read as it started (then its delay is the start-up's), and with it the hop of the hub's answer that
     * the peer {@code reported}, if it did. Returns true once, when the last peer's last sample makes the
     * longest hop known (and releases the hold: the hub greets with it).
     */
    boolean heardAtHub(String peer, boolean greeting, long sent, long readAt, Long reported) {
        if (readAt < sent || sent < startedAt && readAt - startedAt < START_SLACK_MILLIS) {
            return false;
        }
        if (greeting) {
            fastest = Math.min(fastest, readAt - sent);
        }
        if (expected != null || !wantsMoreFrom(peer)) {
            return false;
        }
        heard.merge(peer, 1, Integer::sum);
        hops.add(readAt - sent);
        if (reported != null && reported >= 0) {
            hops.add(reported);
        }
        if (++taken < peers * rounds) {
            return false;
        }
        expected = longestHop(hops.stream().mapToLong(Long::longValue).sorted().toArray());
        if (!preparing) {
            hold.release();
        }
        return true;
    }

    /**
     * At an origin, a gossip from the hub process {@code epoch}: its delay, the longest hop it
     * announced, if it did, and whether it has planned already (then there is nothing to wait for).
     */
    void heardFromHub(long epoch, Long sent, long readAt, Long announced, boolean planned) {
        if (epoch != hubEpoch) {
            hubEpoch = epoch;
            fastest = Long.MAX_VALUE;
            expected = null;
            unreported = null;
        }
        if (sent != null && readAt >= sent) {
            fastest = Math.min(fastest, readAt - sent);
            // One sent before this node started waited for it: the start-up's delay, not the network's.
            unreported = sent >= startedAt ? readAt - sent : null;
        }
        if (announced != null) {
            expected = announced;
        }
        if (announced != null || planned) {
            hold.release();
        }
    }

    /**
     * At the hub, work that should be done before the workload begins (the planner's warm-up): the hold
     * waits for {@link #prepared} too, within its deadline, and the hub greets with the hop only then.
     */
    void preparing() {
        preparing = !hold.released();
    }

    /** The work {@link #preparing} announced is done: the hold goes once the hop is known too. */
    void prepared() {
        preparing = false;
        if (expected != null) {
            hold.release();
        }
    }

    /** The hop to plan the start by: the hub's longest expected, else the fastest seen; none: MAX_VALUE. */
    long hop() {
        return expected != null ? expected : fastest;
    }

    /**
     * At an origin still holding, the hop of the hub's latest gossip, for its next gossip to the hub (which the hub
     * takes as a sample where it wants one); once: null after, and null once the hold is over.
     */
    Long reportBack() {
        Long hop = holding() ? unreported : null;
        unreported = null;
        return hop;
    }

    /** What the hub announces on its gossip before its first plan: null until it knows. */
    Long announced() {
        return expected;
    }

    /**
     * A node greets the hub at once: the hub waits for it. The hub greets once it knows the longest hop, with it
     * (or as its init_ok goes without it), so the word costs no message of its own.
     */
    void greetWhenReady(boolean atHub, Runnable greet) {
        if (atHub) {
            hold.whenReleased(greet);
        } else {
            greet.run();
        }
    }

    /** At the hub, whether it takes more samples of {@code peer}'s hops. */
    boolean wantsMoreFrom(String peer) {
        return heard.getOrDefault(peer, 0) < rounds;
    }

    /** Whether the node still holds its {@code init_ok}. */
    boolean holding() {
        return !hold.released();
    }

    /**
     * The hop a star's two must fit in, from one hop per node. On a bounded network (constant, uniform:
     * the 90th percentile less than 2.5 medians) its top: the 90th percentile and a quarter of its
     * distance from the median (uniform: 0.9 and 0.1 of the top). On a tail that reaches far past its
     * median (exponential: 3.3 medians at the 90th percentile) the median: a run's largest hops are a
     * lottery that the measured plan must weigh, and read as the network's hop they would send every value
     * direct until then at every cluster size; where two median hops do not fit, the star fails most values.
     */
    static long longestHop(long[] sorted) {
        if (sorted.length == 0) {
            return Long.MAX_VALUE;
        }
        double median = quantile(sorted, 0.5);
        double p90 = quantile(sorted, 0.9);
        return Math.round(p90 - median <= BOUNDED * median ? p90 + (p90 - median) / 4 : median);
    }

    private static double quantile(long[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }
}
