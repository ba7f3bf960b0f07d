package io.glomers.broadcast;

import io.glomers.bench.net.LatencyModel;
import io.glomers.bench.net.MessageLog;
import io.glomers.bench.net.NetFaults;
import io.glomers.bench.net.Network;
import io.glomers.bench.net.Partitions;
import io.glomers.bench.net.RequestLedger;
import io.glomers.bench.sched.VirtualTime;
import io.glomers.runtime.RuntimeProperties;
import io.glomers.runtime.Cluster;
import io.glomers.runtime.Envelope;
import io.glomers.runtime.Messenger;
import io.glomers.runtime.InitGate;
import io.glomers.runtime.NodeInitialized;
import io.glomers.runtime.Outbox;
import io.glomers.runtime.TestClusters;
import io.glomers.testing.ShippedConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real {@link Gossiper}s on one virtual clock, joined by the bench's own {@link Network} (the one the
 * simulator and the bench run: constant latency, Maelstrom's partitions, its counts): the
 * dissemination logic under test without processes, threads or Spring. A line that breaks the
 * protocol fails the test where it is written.
 */
class GossipCluster {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final VirtualTime loop = new VirtualTime();
    private final BroadcastProperties properties;
    private final List<String> ids;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Partitions partitions = new Partitions();
    private final MessageLog log = new MessageLog();
    private final Network network;
    private final Random random;
    private final List<Gossip> sent = new ArrayList<>();

    record Node(MessageStore store, Gossiper gossiper) {
    }

    GossipCluster(int size, BroadcastProperties properties, long latencyMillis, long seed) {
        this.properties = properties;
        this.random = new Random(seed);
        this.ids = IntStream.range(0, size).mapToObj(i -> "n" + i).toList();
        // Constant latency and no faults: the network never draws from its random source.
        this.network = Network.on(loop).random(new Random(seed))
                .links(new LatencyModel(LatencyModel.Distribution.CONSTANT, latencyMillis), NetFaults.NONE)
                .partitions(partitions).log(log).protocol(mapper, new RequestLedger(), violation -> {
                    throw new AssertionError("protocol violation: " + violation);
                }).build();
        ids.forEach(id -> network.attachNode(id, line -> receive(id, line)));
        ids.forEach(this::start);
    }

    /** Starts (or restarts, with empty memory) a node and sends it through init. */
    void start(String id) {
        Cluster cluster = TestClusters.initialized(id, ids);
        MessageStore store = new MessageStore();
        Messenger messenger = new Messenger(new Outbox(mapper, line -> send(id, line)), cluster, loop, ShippedConfig.bind(RuntimeProperties.PREFIX, RuntimeProperties.class));
        InitGate gate = new InitGate(loop, Optional.empty());
        Gossiper gossiper = new Gossiper(store, messenger, loop, properties, AckJournal.of(ShippedConfig.bind(JournalProperties.PREFIX, JournalProperties.class)),
                new ClientReads(loop), new SplittableRandom(random.nextLong()), gate);
        nodes.put(id, new Node(store, gossiper));
        gate.whenOpen(() -> { }); // as InitHandler does: init came, the holds' time runs from now
        gossiper.start(new NodeInitialized(cluster));
    }

    void broadcast(String node, long value) {
        nodes.get(node).gossiper().accept(value);
    }

    /** Drops every message between the two sides until {@link #heal()}, as Maelstrom's partition nemesis does. */
    void partition(Set<String> side) {
        Map<String, Set<String>> grudge = new LinkedHashMap<>();
        for (String node : ids) {
            grudge.put(node, ids.stream().filter(other -> side.contains(other) != side.contains(node)).collect(Collectors.toSet()));
        }
        partitions.set(grudge);
    }

    void heal() {
        partitions.heal();
    }

    void advance(Duration duration) {
        loop.advance(duration);
    }

    long now() {
        return loop.currentTimeMillis();
    }

    /** Messages the nodes sent each other, as the network counted them. */
    int messages() {
        return Math.toIntExact(log.counts(0).servers().sendCount());
    }

    /** Every gossip sent so far, in order. */
    List<Gossip> sent() {
        return sent;
    }

    List<String> ids() {
        return ids;
    }

    long[] values(String node) {
        return nodes.get(node).store().toArray();
    }

    boolean has(String node, long value) {
        return nodes.get(node).store().contains(value);
    }

    Gossiper gossiper(String node) {
        return nodes.get(node).gossiper();
    }

    boolean converged(long[] expected) {
        return ids.stream().allMatch(id -> Arrays.equals(values(id), expected));
    }

    /** Advances in 10 ms steps until every node holds {@code expected}; the time it took, or -1. */
    long awaitConvergence(long[] expected, Duration limit) {
        long start = now();
        while (now() - start <= limit.toMillis()) {
            if (converged(expected)) {
                return now() - start;
            }
            advance(Duration.ofMillis(10));
        }
        return -1;
    }

    /** Hands {@code dest} a gossip as if {@code src} had sent it and it arrived now, past the network. */
    void deliver(String src, String dest, Gossip gossip) {
        Envelope envelope = new Envelope(src, dest, mapper.createObjectNode(), loop.currentTimeMillis());
        nodes.get(dest).gossiper().receive(gossip, envelope);
    }

    private void send(String src, String line) {
        sent.add(mapper.treeToValue(mapper.readTree(line).get("body"), Gossip.class));
        network.fromNode(src, line);
    }

    private void receive(String dest, String line) {
        var tree = mapper.readTree(line);
        Envelope envelope = new Envelope(tree.get("src").asString(), tree.get("dest").asString(), tree.get("body"),
                loop.currentTimeMillis());
        nodes.get(dest).gossiper().receive(mapper.treeToValue(envelope.body(), Gossip.class), envelope);
    }

    /** The shipped defaults ({@link ShippedConfig}) with a strategy and its batching, plus any overrides. */
    static BroadcastProperties properties(BroadcastProperties.Strategy strategy, long originLinger, long relayInterval,
            String... overrides) {
        List<String> all = new ArrayList<>(List.of("broadcast.strategy=" + strategy,
                "broadcast.origin.linger=" + originLinger + "ms", "broadcast.origin.min-interval=0ms",
                "broadcast.relay.linger=0ms", "broadcast.relay.min-interval=" + relayInterval + "ms"));
        all.addAll(List.of(overrides));
        return ShippedConfig.broadcast(all.toArray(String[]::new));
    }
}
