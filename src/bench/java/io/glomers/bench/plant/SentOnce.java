package io.glomers.bench.plant;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@link Plant#NO_RETRANSMIT}: a value leaves for each peer once per process; a second copy is cut from the gossip. */
final class SentOnce implements LineFilter {

    private final Map<String, Set<Long>> sent = new HashMap<>();

    @Override
    public String out(String line) {
        ObjectNode gossip = Lines.ofType(line, "gossip");
        if (gossip == null) {
            return line;
        }
        Set<Long> toPeer = sent.computeIfAbsent(gossip.path("dest").asString(), peer -> new HashSet<>());
        ArrayNode values = (ArrayNode) Lines.body(gossip).path("values");
        ArrayNode kept = values.arrayNode();
        values.forEach(value -> {
            if (toPeer.add(value.asLong())) {
                kept.add(value);
            }
        });
        if (kept.size() == values.size()) {
            return line;
        }
        Lines.body(gossip).set("values", kept);
        return Lines.write(gossip);
    }

    @Override
    public void restarted() {
        sent.clear();
    }
}
