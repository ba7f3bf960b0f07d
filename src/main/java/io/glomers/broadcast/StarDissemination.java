package io.glomers.broadcast;

import java.util.List;

/**
 * Two hops through a hub: a node sends its clients' values to the hub, the hub batches everything
 * it learns and sends it to every other node. Messages per value fall with the hub's batching
 * interval; latency is two network delays plus the batching wait.
 */
record StarDissemination(String self, String hub, List<String> peers,
        BroadcastProperties.Batching origin, BroadcastProperties.Batching relay) implements Dissemination {

    @Override
    public List<String> targets(String from, boolean relayAsked) {
        if (isHub()) {
            return from == null ? peers : peers.stream().filter(peer -> !peer.equals(from)).toList();
        }
        return from == null ? List.of(hub) : List.of();
    }

    @Override
    public BroadcastProperties.Batching batching() {
        return isHub() ? relay : origin;
    }

    private boolean isHub() {
        return self.equals(hub);
    }
}
