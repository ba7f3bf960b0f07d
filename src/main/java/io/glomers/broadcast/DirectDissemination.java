package io.glomers.broadcast;

import java.util.List;

/**
 * One hop: the node that takes a broadcast sends it to every peer. Lowest latency (one network
 * delay); N-1 messages per value. Only the send to the hub is confirmed; the others are sent once,
 * and the hub fills whatever gap a lost one leaves.
 */
record DirectDissemination(String self, String hub, List<String> peers, BroadcastProperties.Batching batching)
        implements Dissemination {

    @Override
    public List<String> targets(String from, boolean relayAsked) {
        return from == null ? peers : List.of();
    }

}
