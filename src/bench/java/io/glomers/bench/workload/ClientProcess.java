package io.glomers.bench.workload;

import io.glomers.bench.history.HistoryRecorder;
import io.glomers.bench.history.Op;
import io.glomers.bench.net.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * One Jepsen worker thread of Maelstrom's broadcast client, bound to one node: at most one operation
 * in flight. Like Jepsen, an indeterminate outcome (:info) crashes the process: the thread carries
 * on as process p + concurrency with a fresh client connection. Scheduler thread only.
 */
public final class ClientProcess implements ClientThread {

    /** Maelstrom's definite error codes: the operation certainly did not happen. */
    private static final Set<Integer> DEFINITE = Set.of(1, 10, 11, 12, 14, 20, 21, 22, 30);

    private final ClientConnection.Factory clients;
    private final HistoryRecorder history;
    private final String node;
    private final int concurrency;
    private final Duration timeout;
    private ClientConnection connection;
    private int process;
    private boolean busy;

    public ClientProcess(ClientConnection.Factory clients, HistoryRecorder history, String node, int thread,
                         int concurrency, Duration timeout) {
        this.clients = clients;
        this.history = history;
        this.node = node;
        this.process = thread;
        this.concurrency = concurrency;
        this.timeout = timeout;
        this.connection = clients.open();
    }

    public String node() {
        return node;
    }

    /**
     * The client's setup (Maelstrom's client setup!): the suggested topology to its node. Completes
     * on {@code topology_ok}; fails with a {@link SetupFailure} naming the node when it answers
     * anything else or nothing within the request timeout.
     */
    public CompletableFuture<Void> setUp(JsonNode topology) {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        connection.request(node, "topology", body -> body.set("topology", topology), timeout, reply -> {
            if (reply == null) {
                answered.completeExceptionally(new SetupFailure(node + " did not answer topology within "
                        + timeout.toMillis() + " ms"));
            } else if (!"topology_ok".equals(reply.type())) {
                answered.completeExceptionally(new SetupFailure(node + " answered topology with " + reply.line()));
            } else {
                answered.complete(null);
            }
        });
        return answered;
    }

    @Override
    public void invoke(String f, Long value, boolean finalRead, Runnable done) {
        if (busy) {
            throw new IllegalStateException("process " + process + " already has an operation in flight");
        }
        busy = true;
        history.record(Op.Type.INVOKE, process, f, value, finalRead);
        connection.request(node, f, body -> {
            if (value != null) {
                body.put("message", value);
            }
        }, timeout, reply -> {
            complete(f, value, finalRead, reply);
            busy = false;
            done.run();
        });
    }

    private void complete(String f, Long value, boolean finalRead, Message reply) {
        boolean idempotent = "read".equals(f);
        if (reply == null || "error".equals(reply.type())) {
            boolean definite = reply != null && DEFINITE.contains(reply.body().get("code").asInt());
            // Maelstrom's with-errors: definite errors, and any error of an idempotent read, are :fail.
            Op.Type type = definite || idempotent ? Op.Type.FAIL : Op.Type.INFO;
            history.record(type, process, f, value, finalRead);
            if (type == Op.Type.INFO) {
                process += concurrency;
                connection = clients.open();
            }
            return;
        }
        if (idempotent) {
            List<Long> values = new ArrayList<>();
            reply.body().get("messages").forEach(v -> values.add(v.longValue()));
            history.record(Op.Type.OK, process, f, values, finalRead);
        } else {
            history.record(Op.Type.OK, process, f, value, finalRead);
        }
    }
}
