package io.glomers.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.sched.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Real nodes on virtual time: they serve the protocol, gossip, and replay exactly from a seed. */
class SimNodeTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void threeNodesShareAValueOnVirtualTime() {
        List<String> transcript = run(42);
        assertThat(transcript).anyMatch(line -> line.contains("\"dest\":\"c1\"") && line.contains("read_ok")
                && line.contains("\"messages\":[7]"));
        assertThat(transcript).anyMatch(line -> line.contains("\"type\":\"gossip\""));
    }

    @Test
    void theSameSeedReplaysTheSameTranscript() {
        assertThat(run(7)).isEqualTo(run(7));
        // Epochs are drawn from the seed, so another seed changes the gossip bodies.
        assertThat(run(7)).isNotEqualTo(run(8));
    }

    /** Three nodes, 100 ms server links; a client broadcasts to n0 and reads n2 half a second later. */
    private static List<String> run(long seed) {
        VirtualTime time = new VirtualTime();
        SimNodeFactory factory = new SimNodeFactory("");
        List<String> transcript = new ArrayList<>();
        Map<String, SimNode> nodes = new LinkedHashMap<>();
        for (String id : List.of("n0", "n1", "n2")) {
            nodes.put(id, factory.start(id, time, seed + id.hashCode(), line -> {
                transcript.add(time.currentTimeMillis() + " " + line);
                var envelope = MAPPER.readTree(line);
                String dest = envelope.get("dest").asString();
                if (nodes.containsKey(dest)) {
                    time.after(Duration.ofMillis(100), () -> nodes.get(dest).deliver(line));
                }
            }));
        }
        nodes.forEach((id, node) -> node.deliver("{\"src\":\"c0\",\"dest\":\"" + id
                + "\",\"body\":{\"type\":\"init\",\"msg_id\":1,\"node_id\":\"" + id + "\",\"node_ids\":[\"n0\",\"n1\",\"n2\"]}}"));
        time.runUntil(Duration.ofMillis(1_000));
        nodes.get("n0").deliver("{\"src\":\"c1\",\"dest\":\"n0\",\"body\":{\"type\":\"broadcast\",\"msg_id\":2,\"message\":7}}");
        time.runUntil(Duration.ofMillis(1_500));
        nodes.get("n2").deliver("{\"src\":\"c1\",\"dest\":\"n2\",\"body\":{\"type\":\"read\",\"msg_id\":3}}");
        time.runUntil(Duration.ofMillis(20_000));
        nodes.values().forEach(SimNode::stop);
        return transcript;
    }
}
