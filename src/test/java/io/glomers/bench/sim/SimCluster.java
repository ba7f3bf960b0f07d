package io.glomers.bench.sim;

import io.glomers.bench.net.LatencyModel;
import io.glomers.bench.net.NetFaults;
import io.glomers.bench.net.Network;
import io.glomers.bench.net.RequestLedger;
import io.glomers.bench.net.Violation;
import io.glomers.bench.sched.VirtualTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real nodes on one virtual clock, for tests that drive them by hand, joined by the bench's own
 * {@link Network} (the one the simulator runs): a line a node writes to another node reaches it
 * 100 ms later (whichever incarnation runs then); each node has an init client and a workload
 * client, as under Maelstrom; every line written is also handed to the test, and a line that
 * breaks the protocol fails it.
 */
final class SimCluster {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final LatencyModel LATENCY = new LatencyModel(LatencyModel.Distribution.CONSTANT, 100);

    /** A line a node wrote, at the virtual millisecond it wrote it. */
    record Line(long atMillis, String src, String dest, JsonNode body) {

        String type() {
            return body.get("type").asString();
        }
    }

    private final VirtualTime time;
    private final List<String> ids;
    private final Consumer<Line> written;
    private final Map<String, SimNode> nodes = new LinkedHashMap<>();
    private final List<Violation> violations = new ArrayList<>();
    private final Network network;

    SimCluster(VirtualTime time, List<String> ids, Consumer<Line> written) {
        this.time = time;
        this.ids = List.copyOf(ids);
        this.written = written;
        // Constant latency and no faults: the random source is never drawn from.
        this.network = Network.on(time).random(new Random(0)).links(LATENCY, NetFaults.NONE)
                .protocol(MAPPER, new RequestLedger(), violations::add).build();
        for (String id : this.ids) {
            network.attachNode(id, line -> nodes.get(id).deliver(line));
            network.attachClient(initClient(id), reply -> { });
            network.attachClient(workloadClient(id), reply -> { });
        }
    }

    /** Starts (or restarts) a node and initialises it; its seed comes from its incarnation. */
    void start(SimNodeFactory factory, String id, long incarnation) {
        nodes.put(id, factory.start(id, time, incarnation * 100 + id.hashCode(), line -> {
            JsonNode envelope = MAPPER.readTree(line);
            written.accept(new Line(time.currentTimeMillis(), id, envelope.get("dest").asString(), envelope.get("body")));
            network.fromNode(id, line);
        }));
        ObjectNode init = network.newBody("init", 1);
        init.put("node_id", id);
        init.set("node_ids", MAPPER.valueToTree(ids));
        network.sendFromClient(initClient(id), id, init);
    }

    void startAll(SimNodeFactory factory) {
        ids.forEach(id -> start(factory, id, 1));
    }

    /** A request of the node's workload client, due at once. */
    void send(String node, String body) {
        network.sendFromClient(workloadClient(node), node, (ObjectNode) MAPPER.readTree(body));
    }

    void kill(String node) {
        nodes.get(node).kill();
    }

    /** Stops every node; fails when any wrote a line Maelstrom would not accept. */
    void stop() {
        nodes.values().forEach(SimNode::stop);
        if (!violations.isEmpty()) {
            throw new AssertionError("protocol violations: " + violations);
        }
    }

    /** Maelstrom's clients: one init client per node (c1..cN), then one workload client per node. */
    private String initClient(String node) {
        return "c" + (ids.indexOf(node) + 1);
    }

    private String workloadClient(String node) {
        return "c" + (ids.size() + ids.indexOf(node) + 1);
    }
}
