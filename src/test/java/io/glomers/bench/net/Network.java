package io.glomers.bench.net;

import io.glomers.bench.sched.Scheduler;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maelstrom's simulated network. Client links have no latency and are never cut; server links delay
 * each message by a draw from the latency model, and a partition drops the message when it falls
 * due. Every message is validated ({@link ProtocolValidator}) and journaled. All methods run on the
 * scheduler thread.
 */
public final class Network {

    private final Scheduler scheduler;
    private final Random random;
    private final LatencyModel latency;
    private final Partitions partitions;
    private final Journal journal;
    private final ProtocolValidator validator;
    private final RequestLedger ledger;
    private final JsonMapper mapper;
    private final Consumer<Violation> violations;
    private final NetFaults faults;

    private final Map<String, Consumer<String>> nodes = new HashMap<>();
    private final Map<String, Consumer<Message>> clients = new HashMap<>();
    /** Nodes that wrote a line Maelstrom cannot parse: it stops reading them, and so do we. */
    private final Set<String> deaf = new HashSet<>();
    private long nextMessageId;

    public Network(Scheduler scheduler, Random random, LatencyModel latency, Partitions partitions, Journal journal,
                   ProtocolValidator validator, RequestLedger ledger, JsonMapper mapper, Consumer<Violation> violations) {
        this(scheduler, random, latency, partitions, journal, validator, ledger, mapper, violations, NetFaults.NONE);
    }

    /** With faults beyond Maelstrom's on server-to-server links ({@link NetFaults}). */
    public Network(Scheduler scheduler, Random random, LatencyModel latency, Partitions partitions, Journal journal,
                   ProtocolValidator validator, RequestLedger ledger, JsonMapper mapper, Consumer<Violation> violations,
                   NetFaults faults) {
        this.faults = faults;
        this.scheduler = scheduler;
        this.random = random;
        this.latency = latency;
        this.partitions = partitions;
        this.journal = journal;
        this.validator = validator;
        this.ledger = ledger;
        this.mapper = mapper;
        this.violations = violations;
    }

    /** A server; lines addressed to it are handed to {@code input}. */
    public void attachNode(String id, Consumer<String> input) {
        nodes.put(id, input);
    }

    /** A client; replies addressed to it that pass validation are handed to {@code receiver}. */
    public void attachClient(String id, Consumer<Message> receiver) {
        clients.put(id, receiver);
    }

    public boolean isKnown(String id) {
        return nodes.containsKey(id) || clients.containsKey(id);
    }

    /** A request from a client to a node: journaled, registered in the ledger, delivered at once. */
    public void sendFromClient(String client, String node, ObjectNode body) {
        if (!nodes.containsKey(node)) {
            throw new IllegalArgumentException("client " + client + " addressed unknown node " + node);
        }
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("src", client);
        envelope.put("dest", node);
        envelope.set("body", body);
        Message message = new Message(nextMessageId++, client, node, body, mapper.writeValueAsString(envelope));
        ledger.opened(client, message.msgId(), message.type(), node);
        journal.record(scheduler.nanoTime(), Journal.Kind.SEND, message);
        receive(message);
    }

    /** A line a node wrote on stdout. */
    public void fromNode(String node, String line) {
        if (deaf.contains(node)) {
            return;
        }
        ProtocolValidator.Outcome outcome = validator.checkLine(node, line, this::isKnown);
        if (outcome instanceof ProtocolValidator.Rejected rejected) {
            violations.accept(new Violation(scheduler.nanoTime(), node, rejected.reason()));
            if (rejected.deaf()) {
                deaf.add(node);
            }
            return;
        }
        ProtocolValidator.Accepted accepted = (ProtocolValidator.Accepted) outcome;
        Message message = new Message(nextMessageId++, node, accepted.dest(), accepted.body(), line);
        journal.record(scheduler.nanoTime(), Journal.Kind.SEND, message);
        if (Endpoints.isClient(message.dest())) {
            receive(message);
        } else {
            deliverLater(message);
            if (faults.duplicates(random)) {
                journal.note(scheduler.nanoTime(), "duplicating #" + message.id());
                deliverLater(message);
            }
        }
    }

    /** A server-to-server message after its latency draw (and any fault's extra delay). */
    private void deliverLater(Message message) {
        Duration delay = latency.draw(random);
        if (faults.any()) {
            delay = delay.plus(faults.extraDelay(random));
        }
        if (delay.isZero()) {
            receive(message);
        } else {
            scheduler.schedule(delay, () -> receive(message));
        }
    }

    private void receive(Message message) {
        if (partitions.drops(message.src(), message.dest())) {
            journal.record(scheduler.nanoTime(), Journal.Kind.DROP, message);
            return;
        }
        journal.record(scheduler.nanoTime(), Journal.Kind.RECV, message);
        Consumer<String> node = nodes.get(message.dest());
        if (node != null) {
            node.accept(message.line());
            return;
        }
        validator.checkReply(message, ledger).ifPresentOrElse(
                problem -> violations.accept(new Violation(scheduler.nanoTime(), message.src(), problem)),
                () -> {
                    RequestLedger.Request request = ledger.find(message.dest(), message.inReplyTo());
                    if (request.state() == RequestLedger.State.OUTSTANDING) {
                        ledger.answered(message.dest(), message.inReplyTo());
                        clients.get(message.dest()).accept(message);
                    }
                    // A reply after the client gave up (:info) is journaled and otherwise ignored, like Maelstrom's.
                });
    }

    /** Maelstrom's body fields are untyped JSON; a helper for clients building requests. */
    public ObjectNode newBody(String type, long msgId) {
        ObjectNode body = mapper.createObjectNode();
        body.put("type", type);
        body.put("msg_id", msgId);
        return body;
    }
}
