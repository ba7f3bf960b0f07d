package io.glomers.broadcast;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Maelstrom's suggested neighbours, as sent in {@code topology}. Kept for overlays that want it. */
@Component
public class SuggestedTopology {

    private volatile Map<String, List<String>> topology = Map.of();

    void update(Map<String, List<String>> topology) {
        this.topology = Map.copyOf(topology);
    }

    /** The neighbours Maelstrom suggested for a node; empty until {@code topology} arrives. */
    public List<String> neighbours(String node) {
        return topology.getOrDefault(node, List.of());
    }

    public boolean isKnown() {
        return !topology.isEmpty();
    }
}
