package io.glomers.bench.workload;

import io.glomers.bench.net.Message;
import io.glomers.bench.net.Network;
import io.glomers.bench.net.RequestLedger;
import io.glomers.bench.sched.Scheduler;
import io.glomers.runtime.EventLoop;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Maelstrom client ({@code cN}): sends requests with its own {@code msg_id} sequence and hands
 * each reply, or {@code null} on timeout, to the request's callback. Scheduler thread only.
 */
public final class ClientConnection {

    private record Pending(Consumer<Message> onReply, EventLoop.Cancellable timeout) {
    }

    private final String id;
    private final Network network;
    private final Scheduler scheduler;
    private final RequestLedger ledger;
    private final Map<Long, Pending> pending = new HashMap<>();
    private long nextMsgId = 1;

    ClientConnection(String id, Network network, Scheduler scheduler, RequestLedger ledger) {
        this.id = id;
        this.network = network;
        this.scheduler = scheduler;
        this.ledger = ledger;
        network.attachClient(id, this::receive);
    }

    public String id() {
        return id;
    }

    /**
     * Sends a request of {@code type} to {@code node}; {@code fill} adds the body's other fields.
     * {@code onReply} gets the reply, or {@code null} once {@code timeout} passes without one.
     */
    public void request(String node, String type, Consumer<ObjectNode> fill, Duration timeout, Consumer<Message> onReply) {
        long msgId = nextMsgId++;
        ObjectNode body = network.newBody(type, msgId);
        fill.accept(body);
        EventLoop.Cancellable timer = scheduler.schedule(timeout, () -> {
            if (pending.remove(msgId) != null) {
                ledger.timedOut(id, msgId);
                onReply.accept(null);
            }
        });
        pending.put(msgId, new Pending(onReply, timer));
        network.sendFromClient(id, node, body);
    }

    private void receive(Message reply) {
        Pending request = pending.remove(reply.inReplyTo());
        if (request != null) {
            request.timeout().cancel();
            request.onReply().accept(reply);
        }
    }

    /** Opens client connections with ids c1, c2, ... in order, as Maelstrom's {@code client/open!} numbers them. */
    public static final class Factory {
        private final Network network;
        private final Scheduler scheduler;
        private final RequestLedger ledger;
        private int next;

        public Factory(Network network, Scheduler scheduler, RequestLedger ledger) {
            this.network = network;
            this.scheduler = scheduler;
            this.ledger = ledger;
        }

        public ClientConnection open() {
            return new ClientConnection("c" + ++next, network, scheduler, ledger);
        }
    }
}
