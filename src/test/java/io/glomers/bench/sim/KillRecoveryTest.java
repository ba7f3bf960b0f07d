package io.glomers.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.sched.VirtualTime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A node killed right after acknowledging a value it had not passed on yet: the hub, whose own
 * clients' values wait for its next batching tick.
 */
class KillRecoveryTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final List<String> IDS = List.of("n0", "n1", "n2");

    @TempDir
    Path journals;

    @Test
    void theJournalKeepsAnAcknowledgedValueThroughAKill() {
        Map<String, List<Long>> reads = killTheHubMidBatch(new SimNodeFactory("",
                "broadcast.journal.enabled=true", "broadcast.journal.dir=" + journals, "broadcast.journal.run-id=kill-test"));
        reads.forEach((node, values) -> assertThat(values).as(node).containsExactly(1L, 2L));
    }

    @Test
    void withoutTheJournalTheValueIsLost() {
        Map<String, List<Long>> reads = killTheHubMidBatch(new SimNodeFactory(""));
        reads.forEach((node, values) -> assertThat(values).as(node).containsExactly(1L));
    }

    private Map<String, List<Long>> killTheHubMidBatch(SimNodeFactory factory) {
        VirtualTime time = new VirtualTime();
        Map<String, SimNode> nodes = new LinkedHashMap<>();
        Map<String, List<Long>> reads = new LinkedHashMap<>();
        IDS.forEach(id -> start(factory, time, nodes, reads, id, 1));
        time.runUntil(Duration.ofMillis(5_000));

        send(nodes, "n0", "{\"type\":\"broadcast\",\"msg_id\":10,\"message\":1}");
        time.runUntil(Duration.ofMillis(5_010));
        // The hub just flushed value 1; value 2 waits for its next tick, 90 ms after the last.
        send(nodes, "n0", "{\"type\":\"broadcast\",\"msg_id\":11,\"message\":2}");
        time.runUntil(Duration.ofMillis(5_020));
        nodes.get("n0").kill();
        start(factory, time, nodes, reads, "n0", 2);
        time.runUntil(Duration.ofMillis(30_000));

        IDS.forEach(id -> send(nodes, id, "{\"type\":\"read\",\"msg_id\":99}"));
        time.runUntil(Duration.ofMillis(31_000));
        nodes.values().forEach(SimNode::stop);
        return reads;
    }

    private static void start(SimNodeFactory factory, VirtualTime time, Map<String, SimNode> nodes,
            Map<String, List<Long>> reads, String id, long incarnation) {
        nodes.put(id, factory.start(id, time, incarnation * 100 + id.hashCode(), line -> {
            JsonNode envelope = MAPPER.readTree(line);
            String dest = envelope.get("dest").asString();
            SimNode sender = nodes.get(id);
            if (nodes.containsKey(dest)) {
                time.after(Duration.ofMillis(100), () -> nodes.get(dest).deliver(line));
            } else if ("read_ok".equals(envelope.get("body").get("type").asString())) {
                List<Long> values = new ArrayList<>();
                envelope.get("body").get("messages").forEach(value -> values.add(value.asLong()));
                reads.put(id, values);
            }
        }));
        nodes.get(id).deliver("{\"src\":\"c0\",\"dest\":\"" + id + "\",\"body\":{\"type\":\"init\",\"msg_id\":1,"
                + "\"node_id\":\"" + id + "\",\"node_ids\":[\"n0\",\"n1\",\"n2\"]}}");
    }

    private static void send(Map<String, SimNode> nodes, String node, String body) {
        nodes.get(node).deliver("{\"src\":\"c1\",\"dest\":\"" + node + "\",\"body\":" + body + "}");
    }
}
