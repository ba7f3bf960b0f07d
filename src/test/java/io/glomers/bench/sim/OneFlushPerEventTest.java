package io.glomers.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.sched.VirtualTime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each entry point of the gossiper ends with one flush decision (issue #14): whatever one event
 * queued leaves in one message per peer. Real nodes on virtual time, 5 of them, 100 ms apart.
 */
class OneFlushPerEventTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final List<String> IDS = List.of("n0", "n1", "n2", "n3", "n4");

    @TempDir
    Path journals;

    private final VirtualTime time = new VirtualTime();
    private final Map<String, SimNode> nodes = new LinkedHashMap<>();
    /** Every line a node wrote, with the virtual millisecond it wrote it at. */
    private final List<Sent> sent = new ArrayList<>();

    private record Sent(long atMillis, String src, String dest, JsonNode body) {
    }

    @Test
    void aRestartedNodeReplaysItsJournalInOneBatchPerPeer() {
        SimNodeFactory factory = new SimNodeFactory("fast", "broadcast.journal.enabled=true",
                "broadcast.journal.dir=" + journals, "broadcast.journal.run-id=replay-test");
        IDS.forEach(id -> start(factory, id, 1));
        time.runUntil(Duration.ofSeconds(5));
        long[] values = LongStream.rangeClosed(1, 10).toArray();
        for (long value : values) {
            send("n1", "{\"type\":\"broadcast\",\"msg_id\":" + (10 + value) + ",\"message\":" + value + "}");
        }
        time.runUntil(Duration.ofMillis(5_010));
        nodes.get("n1").kill();
        long restartedAt = time.currentTimeMillis();
        start(factory, "n1", 2);
        // Nothing from the others reaches the new incarnation within 50 ms: what it writes is its own start.
        time.runUntil(Duration.ofMillis(restartedAt + 50));

        List<Sent> replay = sent.stream()
                .filter(line -> line.src().equals("n1") && line.atMillis() >= restartedAt)
                .filter(line -> line.body().get("type").asString().equals("gossip"))
                .filter(line -> !line.body().get("values").isEmpty())
                .toList();
        assertThat(replay).as("one gossip with values per peer, not one per value per peer (40)").hasSize(4);
        assertThat(replay).extracting(Sent::dest).containsExactlyInAnyOrder("n0", "n2", "n3", "n4");
        replay.forEach(line -> assertThat(values(line.body().get("values"))).as(line.dest()).containsExactly(values));
        nodes.values().forEach(SimNode::stop);
    }

    @Test
    void theHubSendsItsOwnClientsValueToEveryPeerBeforeItAcknowledges() {
        IDS.forEach(id -> start(new SimNodeFactory(""), id, 1));
        time.runUntil(Duration.ofSeconds(5));
        int before = sent.size();
        send("n0", "{\"type\":\"broadcast\",\"msg_id\":10,\"message\":7}");
        time.runPending();

        List<Sent> written = sent.subList(before, sent.size());
        assertThat(written).extracting(line -> line.body().get("type").asString() + " " + line.dest())
                .as("all four peers at once, then the reply; the default profile's star hub is n0")
                .containsExactly("gossip n1", "gossip n2", "gossip n3", "gossip n4", "broadcast_ok c1");
        nodes.values().forEach(SimNode::stop);
    }

    private void start(SimNodeFactory factory, String id, long incarnation) {
        nodes.put(id, factory.start(id, time, incarnation * 100 + id.hashCode(), line -> {
            JsonNode envelope = MAPPER.readTree(line);
            String dest = envelope.get("dest").asString();
            sent.add(new Sent(time.currentTimeMillis(), id, dest, envelope.get("body")));
            if (nodes.containsKey(dest)) {
                SimNode target = nodes.get(dest);
                time.after(Duration.ofMillis(100), () -> target.deliver(line));
            }
        }));
        nodes.get(id).deliver("{\"src\":\"c0\",\"dest\":\"" + id + "\",\"body\":{\"type\":\"init\",\"msg_id\":1,"
                + "\"node_id\":\"" + id + "\",\"node_ids\":" + MAPPER.writeValueAsString(IDS) + "}}");
    }

    private void send(String node, String body) {
        nodes.get(node).deliver("{\"src\":\"c1\",\"dest\":\"" + node + "\",\"body\":" + body + "}");
    }

    private static long[] values(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asLong()));
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
