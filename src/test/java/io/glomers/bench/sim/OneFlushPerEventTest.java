package io.glomers.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.sched.VirtualTime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Each entry point of the gossiper ends with one flush decision (issue #14): whatever one event
 * queued leaves in one message per peer. Real nodes on virtual time, 5 of them, 100 ms apart.
 */
class OneFlushPerEventTest {

    private static final List<String> IDS = List.of("n0", "n1", "n2", "n3", "n4");

    @TempDir
    Path journals;

    private final VirtualTime time = new VirtualTime();
    /** Every line a node wrote. */
    private final List<SimCluster.Line> sent = new ArrayList<>();
    private final SimCluster cluster = new SimCluster(time, IDS, sent::add);

    @Test
    void aRestartedNodeReplaysItsJournalInOneBatchPerPeer() {
        SimNodeFactory factory = new SimNodeFactory("fast", "broadcast.journal.enabled=true",
                "broadcast.journal.dir=" + journals, "broadcast.journal.run-id=replay-test");
        cluster.startAll(factory);
        time.runUntil(Duration.ofSeconds(5));
        long[] values = LongStream.rangeClosed(1, 10).toArray();
        for (long value : values) {
            cluster.send("n1", "{\"type\":\"broadcast\",\"msg_id\":" + (10 + value) + ",\"message\":" + value + "}");
        }
        time.runUntil(Duration.ofMillis(5_010));
        cluster.kill("n1");
        long restartedAt = time.currentTimeMillis();
        cluster.start(factory, "n1", 2);
        // Nothing from the others reaches the new incarnation within 50 ms: what it writes is its own start.
        time.runUntil(Duration.ofMillis(restartedAt + 50));

        List<SimCluster.Line> replay = sent.stream()
                .filter(line -> line.src().equals("n1") && line.atMillis() >= restartedAt)
                .filter(line -> line.type().equals("gossip"))
                .filter(line -> !line.body().get("values").isEmpty())
                .toList();
        assertThat(replay).as("one gossip with values per peer, not one per value per peer (40)").hasSize(4);
        assertThat(replay).extracting(SimCluster.Line::dest).containsExactlyInAnyOrder("n0", "n2", "n3", "n4");
        replay.forEach(line -> assertThat(values(line.body().get("values"))).as(line.dest()).containsExactly(values));
        cluster.stop();
    }

    @Test
    void theHubSendsItsOwnClientsValueToEveryPeerBeforeItAcknowledges() {
        cluster.startAll(new SimNodeFactory(""));
        time.runUntil(Duration.ofSeconds(5));
        int before = sent.size();
        cluster.send("n0", "{\"type\":\"broadcast\",\"msg_id\":10,\"message\":7}");
        time.runPending();

        List<SimCluster.Line> written = sent.subList(before, sent.size());
        assertThat(written).extracting(line -> line.type() + " " + line.dest())
                .as("all four peers at once, then the reply (to c6, n0's workload client after the init clients c1..c5);"
                        + " the default profile's star hub is n0")
                .containsExactly("gossip n1", "gossip n2", "gossip n3", "gossip n4", "broadcast_ok c6");
        cluster.stop();
    }

    private static long[] values(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asLong()));
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
