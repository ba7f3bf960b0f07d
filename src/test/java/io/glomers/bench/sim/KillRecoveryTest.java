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

/**
 * A node killed right after acknowledging a value it had not passed on yet: the hub, whose own
 * clients' values wait for its next batching tick.
 */
class KillRecoveryTest {

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
        Map<String, List<Long>> reads = new LinkedHashMap<>();
        SimCluster cluster = new SimCluster(time, IDS, line -> {
            if (!IDS.contains(line.dest()) && line.type().equals("read_ok")) {
                List<Long> values = new ArrayList<>();
                line.body().get("messages").forEach(value -> values.add(value.asLong()));
                reads.put(line.src(), values);
            }
        });
        cluster.startAll(factory);
        time.runUntil(Duration.ofMillis(5_000));

        cluster.send("n0", "{\"type\":\"broadcast\",\"msg_id\":10,\"message\":1}");
        time.runUntil(Duration.ofMillis(5_010));
        // The hub just flushed value 1; value 2 waits for its next tick, 90 ms after the last.
        cluster.send("n0", "{\"type\":\"broadcast\",\"msg_id\":11,\"message\":2}");
        time.runUntil(Duration.ofMillis(5_020));
        cluster.kill("n0");
        cluster.start(factory, "n0", 2);
        time.runUntil(Duration.ofMillis(30_000));

        IDS.forEach(id -> cluster.send(id, "{\"type\":\"read\",\"msg_id\":99}"));
        time.runUntil(Duration.ofMillis(31_000));
        cluster.stop();
        return reads;
    }
}
