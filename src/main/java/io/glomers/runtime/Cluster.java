package io.glomers.runtime;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who this node is and who else is in the cluster, as learnt from {@code init}. Until then the node
 * answers requests with a definite error. Written once, on the event loop.
 */
@Component
public class Cluster {

    private volatile String self;
    private volatile List<String> nodeIds = List.of();

    void initialize(String nodeId, List<String> allNodeIds) {
        this.nodeIds = List.copyOf(allNodeIds);
        this.self = nodeId;
    }

    public boolean isInitialized() {
        return self != null;
    }

    /** This node's id, e.g. {@code n3}. */
    public String self() {
        if (self == null) {
            throw new IllegalStateException("node has not been initialised yet");
        }
        return self;
    }

    /** Every node id in the cluster, this one included, in Maelstrom's order. */
    public List<String> nodeIds() {
        return nodeIds;
    }

    /** Every other node id, in Maelstrom's order. */
    public List<String> peers() {
        String me = self();
        return nodeIds.stream().filter(id -> !id.equals(me)).toList();
    }
}
