package io.glomers.bench.plant;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
        return Lines.keepValues(line, gossip, toPeer::add);
    }

    @Override
    public void restarted() {
        sent.clear();
    }
}
