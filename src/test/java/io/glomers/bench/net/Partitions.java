package io.glomers.bench.net;

import java.util.Map;
import java.util.Set;

/**
 * The current grudge: for each node, the nodes it refuses to hear from. Consulted when a message is
 * due for delivery, as Maelstrom does, so a partition drops what is in flight and queues nothing.
 * Client links are never cut.
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
