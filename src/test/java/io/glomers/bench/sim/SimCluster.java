package io.glomers.bench.sim;

import io.glomers.bench.sched.VirtualTime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real nodes on one virtual clock, for tests that drive them by hand: a line a node writes to
 * another node reaches it 100 ms later (whichever incarnation runs then); every line written is
 * also handed to the test.
 */
final class SimCluster {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

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

    SimCluster(VirtualTime time, List<String> ids, Consumer<Line> written) {
        this.time = time;
        this.ids = List.copyOf(ids);
        this.written = written;
    }

    /** Starts (or restarts) a node and initialises it; its seed comes from its incarnation. */
    void start(SimNodeFactory factory, String id, long incarnation) {
        nodes.put(id, factory.start(id, time, incarnation * 100 + id.hashCode(), line -> {
            JsonNode envelope = MAPPER.readTree(line);
            String dest = envelope.get("dest").asString();
            written.accept(new Line(time.currentTimeMillis(), id, dest, envelope.get("body")));
            if (nodes.containsKey(dest)) {
                time.after(Duration.ofMillis(100), () -> nodes.get(dest).deliver(line));
            }
        }));
        nodes.get(id).deliver("{\"src\":\"c0\",\"dest\":\"" + id + "\",\"body\":{\"type\":\"init\",\"msg_id\":1,"
                + "\"node_id\":\"" + id + "\",\"node_ids\":" + MAPPER.writeValueAsString(ids) + "}}");
    }

    void startAll(SimNodeFactory factory) {
        ids.forEach(id -> start(factory, id, 1));
    }

    /** A client's request, delivered at once. */
    void send(String node, String body) {
        nodes.get(node).deliver("{\"src\":\"c1\",\"dest\":\"" + node + "\",\"body\":" + body + "}");
    }

    void kill(String node) {
        nodes.get(node).kill();
    }

    void stop() {
        nodes.values().forEach(SimNode::stop);
    }
}
