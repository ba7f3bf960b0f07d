package io.glomers.bench.net;

import java.util.Map;
import java.util.Set;

/**
 * The current grudge: for each node, the nodes it refuses to hear from. Consulted when a node's
 * delivery loop takes a message ({@link DeliveryLoop}), as Maelstrom's {@code recv!} does, so a
 * partition drops what the loop takes while it holds and queues nothing. Client links are never cut.
 */
public final class Partitions {

    private Map<String, Set<String>> grudge = Map.of();

    public void set(Map<String, Set<String>> grudge) {
        this.grudge = Map.copyOf(grudge);
    }

    public void heal() {
        grudge = Map.of();
    }

    public boolean drops(String src, String dest) {
        return grudge.getOrDefault(dest, Set.of()).contains(src);
    }

    public Map<String, Set<String>> current() {
        return grudge;
    }
}
