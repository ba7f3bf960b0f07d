package io.glomers.bench.plant;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@link Plant#HUB_FORGETS_BATCH}: after a restart the hub goes on gossiping under its first
 * process's epoch (and reads its peers' replies to that epoch as replies to its own), so no peer
 * learns that it lost its memory.
 */
final class OldEpoch implements LineFilter {

    private final Roles roles = new Roles();
    private Long first;
    private Long current;
    private boolean restarted;

    @Override
    public String out(String line) {
        ObjectNode gossip = roles.isHub() ? Lines.ofType(line, "gossip") : null;
        if (gossip == null) {
            return line;
        }
        long epoch = Lines.body(gossip).path("epoch").asLong();
        if (first == null) {
            first = epoch;
        }
        current = epoch;
        if (!restarted || epoch == first) {
            return line;
        }
        Lines.body(gossip).put("epoch", first);
        return Lines.write(gossip);
    }

    @Override
    public String in(String line) {
        roles.learn(line);
        ObjectNode gossip = restarted && current != null && roles.isHub() ? Lines.ofType(line, "gossip") : null;
        if (gossip == null || Lines.body(gossip).path("peer_epoch").asLong() != first) {
            return line;
        }
        Lines.body(gossip).put("peer_epoch", current);
        return Lines.write(gossip);
    }

    @Override
    public void restarted() {
        restarted = true;
        current = null;
    }
}
