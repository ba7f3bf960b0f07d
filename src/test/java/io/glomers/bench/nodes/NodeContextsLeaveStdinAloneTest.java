package io.glomers.bench.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.glomers.bench.sim.SimNodeFactory;
import io.glomers.runtime.RuntimeProperties;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Node contexts in the bench's JVM are fed directly, never from the JVM's stdin, even where
 * {@code config/} (found from the project's root, where the tests run) turns reading stdin on: the
 * nodes would otherwise take the bench's own input, and the simulator's wiring context printed a
 * stack trace as it closed under its pump.
 */
class NodeContextsLeaveStdinAloneTest {

    private final InputStream original = System.in;
    private final AtomicInteger reads = new AtomicInteger();

    private void watchStdin() {
        System.setIn(new InputStream() {
            @Override
            public int read() {
                reads.incrementAndGet();
                return -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return read();
            }
        });
    }

    @AfterEach
    void restoreStdin() {
        System.setIn(original);
    }

    @Test
    void anInProcessNodeServesItsInboxAndNeverReadsTheJvmsStdin() {
        watchStdin();
        List<String> output = new CopyOnWriteArrayList<>();
        InProcessNode node = new InProcessNode("n0");
        node.start(output::add);
        try {
            node.deliver("{\"src\":\"c0\",\"dest\":\"n0\",\"body\":{\"type\":\"init\",\"msg_id\":1,\"node_id\":\"n0\","
                    + "\"node_ids\":[\"n0\"]}}");
            await().atMost(Duration.ofSeconds(10)).until(() -> output.stream().anyMatch(line -> line.contains("init_ok")));
        } finally {
            node.close();
        }
        assertThat(reads).as("reads of the JVM's stdin").hasValue(0);
    }

    @Test
    void theSimulatorsNodesAreBuiltNotToReadStdinWhateverConfigSays() {
        watchStdin();
        // An override of its own makes the factory boot its wiring afresh, not reuse another test's.
        SimNodeFactory factory = new SimNodeFactory("", "broadcast.objective.replan-interval=2001ms");

        assertThat(factory.properties(RuntimeProperties.class).readStdin()).isFalse();
        assertThat(reads).as("reads of the JVM's stdin").hasValue(0);
    }
}
