package io.glomers.bench.workload;

import io.glomers.bench.net.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.node.ArrayNode;

/**
 * Maelstrom's node setup: every node gets {@code init} (its id and the full member list) from a
 * client of its own and must answer {@code init_ok} within the deadline, or the test fails. Waits
 * for every node's outcome so that a failure names all the nodes that missed it.
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
        return init(nodes, " (Maelstrom fails the test)");
    }

    /**
     * Init again for nodes the kill nemesis restarted: same {@code node_ids}, a fresh client (so a
     * fresh msg_id sequence), same deadline; a late or wrong answer fails the run.
     */
    public CompletableFuture<Void> initAgain(List<String> restarted) {
        return init(restarted, " after its restart by the kill nemesis");
    }

    private CompletableFuture<Void> init(List<String> targets, String context) {
        // Node to what went wrong with its init; scheduler thread only.
        Map<String, String> failures = new TreeMap<>((a, b) -> a.length() != b.length()
                ? Integer.compare(a.length(), b.length()) : a.compareTo(b));
        CompletableFuture<?>[] outcomes = targets.stream().map(node -> init(node, failures))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(outcomes).thenRun(() -> {
            if (!failures.isEmpty()) {
                throw new SetupFailure(describe(failures, context));
            }
        });
    }

    private CompletableFuture<Void> init(String node, Map<String, String> failures) {
        CompletableFuture<Void> settled = new CompletableFuture<>();
        clients.open().request(node, "init", body -> {
            body.put("node_id", node);
            ArrayNode ids = body.putArray("node_ids");
            nodes.forEach(ids::add);
        }, deadline, reply -> {
            record(failures, node, reply);
            settled.complete(null);
        });
        return settled;
    }

    private static void record(Map<String, String> failures, String node, Message reply) {
        if (reply == null) {
            failures.put(node, "late");
        } else if (!"init_ok".equals(reply.type())) {
            failures.put(node, "answered init with " + reply.line());
        }
    }

    private String describe(Map<String, String> failures, String context) {
        List<String> late = failures.entrySet().stream().filter(e -> e.getValue().equals("late")).map(Map.Entry::getKey).toList();
        List<String> parts = new ArrayList<>();
        if (!late.isEmpty()) {
            String who = late.size() == 1 ? late.get(0) : late.size() + " of " + nodes.size() + " nodes " + late;
            parts.add(who + " did not answer init within " + deadline.toMillis() + " ms" + context);
        }
        failures.forEach((node, failure) -> {
            if (!failure.equals("late")) {
                parts.add(node + " " + failure);
            }
        });
        return String.join("; ", parts);
    }
}
