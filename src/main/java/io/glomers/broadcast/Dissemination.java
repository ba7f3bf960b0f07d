package io.glomers.broadcast;

import io.glomers.runtime.Cluster;
import io.glomers.runtime.EventLoop;
import io.glomers.runtime.InitGate;
import java.util.List;
import lombok.extern.slf4j.Slf4j;

/**
 * Who forwards what to whom: the overlay. The {@link Gossiper} does the rest (batching,
 * acknowledgement, retransmission, repair) the same way for every overlay.
 */
public interface Dissemination {

    /**
     * Peers this node must deliver a value to that it got from {@code from} ({@code null}: a client).
     * {@code relayAsked}: the gossip that brought it asks the hub to pass it on (only the adaptive
     * overlay's origins ever ask otherwise; see {@link Gossip#relay()}).
     */
    List<String> targets(String from, boolean relayAsked);

    /** How this node batches what it sends. */
    BroadcastProperties.Batching batching();

    /**
     * Whether the copies {@link #targets} asks for of a value from {@code from} leave without waiting
     * out {@link #batching}'s linger (the minimum interval still holds).
     */
    default boolean skipsLinger(String from, boolean relayAsked) {
        return false;
    }

    String self();

    /** The node every other node talks to reliably, and which fills everyone's gaps. */
    String hub();

    /** Every other node. */
    List<String> peers();

    /**
     * Peers this node delivers to reliably (confirmed, retried), greets when it starts and refills
     * when they restart: the hub and each other node, both ways. Deliveries to anyone else are
     * sent once, because the hub fills any gap they leave.
     */
    default List<String> partners() {
        return fillsGaps() ? peers() : List.of(hub());
    }

    /** Whether this node compares peers' summaries with its own set and sends them what they lack. */
    default boolean fillsGaps() {
        return self().equals(hub());
    }

    /**
     * A gossip from {@code from} was read at {@code readAt} (when its line was read, not when the loop
     * got to it: the loop's own backlog, such as a plan being chosen, is not the network's delay;
     * {@link io.glomers.runtime.Envelope#UNKNOWN} when not known).
     */
    default void heard(Gossip gossip, String from, long readAt) {
    }

    /**
     * Whether the values this gossip brings leave at once, without waiting out {@link #batching}'s linger or
     * minimum interval ({@link FlushSchedule#hurry}): asked after {@link #heard}.
     */
    default boolean hurries(Gossip gossip, String from, long readAt) {
        return false;
    }

    /** Whether a partner's gossip is answered at once, even one that asks for no acknowledgement. */
    default boolean answersAtOnce(Gossip gossip, String from) {
        return false;
    }

    /** Greets this node's partners ({@code greet}): as it starts, or once it has what to tell them. */
    default void greetWhenReady(Runnable greet) {
        greet.run();
    }

    /** A new value reached this node at {@code now}, from peer {@code from} (null: from a client). */
    default void arrived(long value, String from, long now) {
    }

    /** The gossip as it leaves for {@code to} at {@code now}, with whatever the overlay adds to it. */
    default Gossip stamp(Gossip gossip, String to, long now) {
        return gossip;
    }

    /**
     * How many times the (stamped) gossip leaves for {@code to}. Each copy takes its own draw of the
     * network's delay; the receiver takes the earlier, and the later is a duplicate, which the
     * summaries make harmless.
     */
    default int copies(Gossip gossip, String to) {
        return 1;
    }

    /** The overlay the properties ask for, for this node of this cluster. */
    static Dissemination create(BroadcastProperties properties, Cluster cluster, ClientReads reads, EventLoop loop,
            InitGate.Hold readiness) {
        String hub = Hub.choose(properties.hub(), cluster.nodeIds());
        List<String> peers = cluster.peers();
        return switch (properties.strategy()) {
            case DIRECT -> new DirectDissemination(cluster.self(), hub, peers, properties.origin());
            case STAR -> new StarDissemination(cluster.self(), hub, peers, properties.origin(), properties.relay());
            case ADAPTIVE -> new AdaptiveDissemination(cluster.self(), hub, peers, properties, reads, loop,
                    readiness);
        };
    }

    /** Every node must pick the same hub: the configured one, else the first id in init's node_ids. */
    @Slf4j
    final class Hub {
        private Hub() {
        }

        static String choose(String configured, List<String> nodeIds) {
            if (configured.isBlank()) {
                return nodeIds.get(0);
            }
            if (!nodeIds.contains(configured)) {
                log.warn("broadcast.hub={} is not in the cluster {}; using {}", configured, nodeIds, nodeIds.get(0));
                return nodeIds.get(0);
            }
            return configured;
        }
    }
}
