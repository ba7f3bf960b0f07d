package io.glomers.bench.plant;

import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link Plant#NO_GAP_REPAIR}: the hub's gossip carries only values its own clients broadcast. In the
 * direct overlay everything else the hub sends is a refill (a gap repaired, or a restarted peer's
 * loss), so this is the hub without repair.
 */
final class OwnValuesOnly implements LineFilter {

    private final Roles roles = new Roles();
    private final Set<Long> own = new HashSet<>();

    @Override
    public String in(String line) {
        roles.learn(line);
        ObjectNode broadcast = Lines.ofType(line, "broadcast");
        if (broadcast != null) {
            own.add(Lines.body(broadcast).path("message").asLong());
        }
        return line;
    }

    @Override
    public String out(String line) {
        ObjectNode gossip = roles.isHub() ? Lines.ofType(line, "gossip") : null;
        if (gossip == null) {
            return line;
        }
        return Lines.keepValues(line, gossip, own::contains);
    }
}
