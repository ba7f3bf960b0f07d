package io.glomers.bench.workload;

import io.glomers.bench.net.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import tools.jackson.databind.node.ArrayNode;

/**
 * Maelstrom's node setup: every node gets {@code init} (its id and the full member list) from a
 * client of its own and must answer {@code init_ok} within the deadline, or the test fails. Waits
 * for every node's outcome so that a failure names all the nodes that missed it.
 */
public final class ClusterInit {

    /** How a missed init is worded, for whoever advises on it ({@code console.SetupAdvice}). */
    public static final String MISSED = "did not answer init";
    /** Said of a missed init when no node answered at all: a node that does not speak the protocol, more likely than a slow one. */
    public static final String NONE_ANSWERED = "none answered";

    private final ClientConnection.Factory clients;
    private final List<String> nodes;
    private final Duration deadline;
    private final LongSupplier nanoClock;

    /** {@code nanoClock}: the run's clock (virtual in the simulator), to time the answers. */
    public ClusterInit(ClientConnection.Factory clients, List<String> nodes, Duration deadline, LongSupplier nanoClock) {
        this.clients = clients;
        this.nodes = List.copyOf(nodes);
        this.deadline = deadline;
        this.nanoClock = nanoClock;
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
        long[] slowestNanos = {-1};
        CompletableFuture<?>[] outcomes = targets.stream().map(node -> init(node, failures, slowestNanos))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(outcomes).thenRun(() -> {
            if (!failures.isEmpty()) {
                throw new SetupFailure(describe(failures, context, slowestNanos[0]));
            }
        });
    }

    private CompletableFuture<Void> init(String node, Map<String, String> failures, long[] slowestNanos) {
        CompletableFuture<Void> settled = new CompletableFuture<>();
        long sent = nanoClock.getAsLong();
        clients.open().request(node, "init", body -> {
            body.put("node_id", node);
            ArrayNode ids = body.putArray("node_ids");
            nodes.forEach(ids::add);
        }, deadline, reply -> {
            if (reply != null) {
                slowestNanos[0] = Math.max(slowestNanos[0], nanoClock.getAsLong() - sent);
            }
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

    private String describe(Map<String, String> failures, String context, long slowestNanos) {
        List<String> late = failures.entrySet().stream().filter(e -> e.getValue().equals("late")).map(Map.Entry::getKey).toList();
        List<String> parts = new ArrayList<>();
        if (!late.isEmpty()) {
            String who = late.size() == 1 ? late.get(0) : late.size() + " of " + nodes.size() + " nodes " + late;
            parts.add(who + " " + MISSED + " within " + deadline.toMillis() + " ms" + context + "; "
                    + (slowestNanos < 0 ? NONE_ANSWERED : "the slowest answer took " + slowestNanos / 1_000_000 + " ms"));
        }
        failures.forEach((node, failure) -> {
            if (!failure.equals("late")) {
                parts.add(node + " " + failure);
            }
        });
        return String.join("; ", parts);
    }
}
