package io.glomers.bench.net;

import io.glomers.bench.sched.HostCosts;
import io.glomers.bench.sched.HostCpu;
import io.glomers.bench.sched.Scheduler;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maelstrom's simulated network. Client links have no latency and are never cut; server links delay
 * each message by a draw from the latency model. Each node's inbound messages go through its own
 * {@link DeliveryLoop}, one at a time as Maelstrom delivers them, so a client request waits behind a
 * server message the loop is sleeping on, and a partition drops a message when the loop takes it.
 * Replies to clients are handed over at once (Maelstrom's client waits for one reply, due at once).
 * Every message is validated ({@link ProtocolValidator}) and journaled. All methods run on the
 * scheduler thread.
 */
public final class Network {

    private final Scheduler scheduler;
    private final Random random;
    private LatencyModel latency;
    private final Partitions partitions;
    private final MessageLog journal;
    private final ProtocolValidator validator;
    private final RequestLedger ledger;
    private final JsonMapper mapper;
    private final Consumer<Violation> violations;
    private final NetFaults faults;
    private final HostCpu cpu;
    private final HostCosts costs;

    private final Map<String, DeliveryLoop> nodes = new HashMap<>();
    /** Maelstrom's threads that put messages into the network: a node's stdout reader, a client's worker. */
    private final Map<String, HostCpu.Worker> senders = new HashMap<>();
    private final Map<String, Consumer<Message>> clients = new HashMap<>();
    /** Nodes that wrote a line Maelstrom cannot parse: it stops reading them, and so do we. */
    private final Set<String> deaf = new HashSet<>();
    private long nextMessageId;

    private Network(Builder parts) {
        this.scheduler = parts.scheduler;
        this.random = Objects.requireNonNull(parts.random, "random");
        this.latency = Objects.requireNonNull(parts.latency, "latency");
        this.faults = parts.faults;
        this.partitions = parts.partitions;
        this.journal = parts.journal;
        this.mapper = parts.mapper;
        this.validator = new ProtocolValidator(parts.mapper);
        this.ledger = parts.ledger;
        this.violations = Objects.requireNonNull(parts.violations, "violations");
        this.cpu = parts.cpu;
        this.costs = parts.costs;
    }

    /**
     * A network on {@code scheduler}; the builder names each part. Needed: the random source, the
     * latency and where violations go. By default no faults beyond Maelstrom's, never partitioned
     * (the nemesis sets the {@link Partitions} it is given), a message log that only counts, a
     * ledger of its own and an unlimited host.
     */
    public static Builder on(Scheduler scheduler) {
        return new Builder(scheduler);
    }

    /** The parts of a {@link Network}, each named where it is set. */
    public static final class Builder {
        private final Scheduler scheduler;
        private Random random;
        private LatencyModel latency;
        private NetFaults faults = NetFaults.NONE;
        private Partitions partitions = new Partitions();
        private MessageLog journal = new MessageLog();
        private JsonMapper mapper = JsonMapper.builder().build();
        private RequestLedger ledger = new RequestLedger();
        private Consumer<Violation> violations;
        private HostCpu cpu = HostCpu.unlimited();
        private HostCosts costs = HostCosts.NONE;

        private Builder(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        }

        /** The run's one seeded random: latency draws and faults. */
        public Builder random(Random random) {
            this.random = random;
            return this;
        }

        /** Server links: Maelstrom's latency, and faults beyond Maelstrom's ({@link NetFaults}). */
        public Builder links(LatencyModel latency, NetFaults faults) {
            this.latency = latency;
            this.faults = faults;
            return this;
        }

        public Builder partitions(Partitions partitions) {
            this.partitions = partitions;
            return this;
        }

        /** Where every send, receipt and drop is written and counted ({@code messages.log}, {@code :net}). */
        public Builder log(MessageLog journal) {
            this.journal = journal;
            return this;
        }

        /**
         * The protocol's rules: envelopes built and checked with {@code mapper}, client requests
         * outstanding in {@code ledger}, a line that breaks a rule handed to {@code violations}.
         */
        public Builder protocol(JsonMapper mapper, RequestLedger ledger, Consumer<Violation> violations) {
            this.mapper = mapper;
            this.ledger = ledger;
            this.violations = violations;
            return this;
        }

        /** The host whose CPU Maelstrom's reader and writer threads use (the simulator's, or the real-time bench's model of Maelstrom's threads). */
        public Builder host(HostCpu cpu, HostCosts costs) {
            this.cpu = cpu;
            this.costs = costs;
            return this;
        }

        public Network build() {
            return new Network(this);
        }
    }

    /** A server; lines addressed to it are handed to {@code input}. */
    public void attachNode(String id, Consumer<String> input) {
        nodes.put(id, new DeliveryLoop(scheduler, cpu.worker(), costs.maelstromWrite(),
                message -> partitions.drops(message.src(), message.dest()),
                message -> journal.record(scheduler.nanoTime(), MessageLog.Kind.DROP, message),
                message -> {
                    journal.record(scheduler.nanoTime(), MessageLog.Kind.RECV, message);
                    input.accept(message.line());
                }));
    }

    /** A client; replies addressed to it that pass validation are handed to {@code receiver}. */
    public void attachClient(String id, Consumer<Message> receiver) {
        clients.put(id, receiver);
    }

    public boolean isKnown(String id) {
        return nodes.containsKey(id) || clients.containsKey(id);
    }

    /**
     * A request from a client to a node: registered in the ledger (its timeout runs from now), then,
     * once the client's thread has sent it (its CPU cost under the simulator), journaled and due at once.
     */
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
        senders.computeIfAbsent(client, id -> cpu.worker()).run(costs.maelstromSend(), () -> {
            journal.record(scheduler.nanoTime(), MessageLog.Kind.SEND, message);
            nodes.get(node).offer(message, Duration.ZERO);
        });
    }

    /**
     * A line a node wrote on stdout. Maelstrom reads each node's output on a thread of its own, one
     * line at a time; under the {@link HostCpu} model that costs {@code maelstromSend} a line.
     */
    public void fromNode(String node, String line) {
        senders.computeIfAbsent(node, id -> cpu.worker()).run(costs.maelstromSend(), () -> read(node, line));
    }

    private void read(String node, String line) {
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
        journal.record(scheduler.nanoTime(), MessageLog.Kind.SEND, message);
        if (Endpoints.isClient(message.dest())) {
            toClient(message);
        } else {
            deliverLater(message);
            if (faults.duplicates(random)) {
                journal.note(scheduler.nanoTime(), "duplicating #" + message.id());
                deliverLater(message);
            }
        }
    }

    /** From now on, server links delay each message by a draw from {@code latency} (the bench's {@code --latency-at}). */
    public void latency(LatencyModel latency) {
        this.latency = Objects.requireNonNull(latency, "latency");
    }

    /** A server-to-server message, due after its latency draw (and any fault's extra delay). */
    private void deliverLater(Message message) {
        Duration delay = latency.draw(random);
        if (faults.any()) {
            delay = delay.plus(faults.extraDelay(random));
        }
        nodes.get(message.dest()).offer(message, delay);
    }

    private void toClient(Message message) {
        journal.record(scheduler.nanoTime(), MessageLog.Kind.RECV, message);
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
