package io.glomers.broadcast;

import java.util.List;

/**
 * One hop: the node that takes a broadcast sends it to every peer. Lowest latency (one network
 * delay); about N-1 messages per value. The hub repairs everyone and everyone repairs the hub, so a
 * node that lost its memory has one peer that knows to refill it.
 */
record DirectDissemination(String self, String hub, List<String> peers, BroadcastProperties.Batching batching)
        implements Dissemination {

    @Override
    public List<String> targets(String from) {
        return from == null ? peers : List.of();
    }

}
