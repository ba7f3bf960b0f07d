package io.glomers.bench.plant;

import tools.jackson.databind.node.ObjectNode;

/**
 * What a filter learns from {@code init}: the node's own id and the hub, the first of {@code node_ids}
 * (the node's default, {@code broadcast.hub} blank).
 */
final class Roles {

    private String self;
    private String hub;

    /** Reads {@code init} when the line is one; every line passes. */
    void learn(String line) {
        ObjectNode init = Lines.ofType(line, "init");
        if (init != null) {
            self = Lines.body(init).path("node_id").asString(null);
            hub = Lines.body(init).path("node_ids").path(0).asString(null);
        }
    }

    boolean isHub() {
        return self != null && self.equals(hub);
    }
}
