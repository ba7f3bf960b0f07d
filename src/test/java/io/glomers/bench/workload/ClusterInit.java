package io.glomers.bench.workload;

import io.glomers.bench.net.Message;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.node.ArrayNode;

/**
 * Maelstrom's node setup: every node gets {@code init} (its id and the full member list) from a
 * client of its own and must answer {@code init_ok} within the deadline, or the test fails.
 */
public final class ClusterInit {

    private final ClientConnection.Factory clients;
    private final List<String> nodes;
    private final Duration deadline;

    public ClusterInit(ClientConnection.Factory clients, List<String> nodes, Duration deadline) {
        this.clients = clients;
        this.nodes = List.copyOf(nodes);
        this.deadline = deadline;
    }

    /** Sends every init now; completes when all are answered, or exceptionally with a {@link SetupFailure}. */
    public CompletableFuture<Void> run() {
        CompletableFuture<?>[] answers = nodes.stream().map(this::init).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(answers);
    }

    private CompletableFuture<Void> init(String node) {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        clients.open().request(node, "init", body -> {
            body.put("node_id", node);
            ArrayNode ids = body.putArray("node_ids");
            nodes.forEach(ids::add);
        }, deadline, reply -> settle(answered, node, reply));
        return answered;
    }

    private void settle(CompletableFuture<Void> answered, String node, Message reply) {
        if (reply == null) {
            answered.completeExceptionally(new SetupFailure(
                    node + " did not answer init within " + deadline.toMillis() + " ms (Maelstrom fails the test)"));
        } else if (!"init_ok".equals(reply.type())) {
            answered.completeExceptionally(new SetupFailure(node + " answered init with " + reply.line()));
        } else {
            answered.complete(null);
        }
    }
}
