package io.glomers.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.history.Op;
import io.glomers.bench.nodes.InProcessNode;
import io.glomers.bench.options.RunArguments;
import io.glomers.bench.sched.HostCosts;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-time bench charges Maelstrom's own per-message work ({@link HostCosts}) as the simulator
 * does: a client request costs the client's send, the delivery loop's write and the node's reply read,
 * so no operation can come back sooner than the three together, whatever the machine.
 */
class RealTimeMaelstromCostsTest {

    @TempDir
    Path store;

    @Test
    void everyOperationPaysMaelstromsSendWriteAndReadOfTheReply() throws Exception {
        BenchOptions options = RunArguments.parse(List.of("3a", "--time-limit", "2", "--rate", "10", "--recovery-wait",
                "0.2", "--in-process", "--store", store.toString(), "--store-runs", "none",
                "--cpu-maelstrom-send", "20000", "--cpu-maelstrom-write", "15000"), 3);

        BenchResult result = new BenchRunner(options, InProcessNode.factory(), BenchRunner.defaultChecker(),
                new PrintStream(OutputStream.nullOutputStream())).run();

        assertThat(result.reasons()).isEmpty();
        List<Long> latencies = okLatenciesNanos(result.history());
        assertThat(latencies).hasSizeGreaterThan(5).allSatisfy(nanos -> assertThat(nanos).isGreaterThanOrEqualTo(55_000_000L));
    }

    @Test
    void theNodesOwnCostIsNeverChargedInRealTime() {
        assertThat(HostCosts.REAL_TIME.nodeMessage()).isZero();
        // Maelstrom's own costs are charged as the simulator charges them: one model.
        assertThat(HostCosts.REAL_TIME.maelstromSend()).isPositive().isEqualTo(HostCosts.SIMULATED.maelstromSend());
        assertThat(HostCosts.REAL_TIME.maelstromWrite()).isPositive().isEqualTo(HostCosts.SIMULATED.maelstromWrite());
        assertThat(HostCosts.REAL_TIME.cores()).isEqualTo(HostCosts.SIMULATED.cores());
    }

    /** Invoke to ok of every client operation, final reads included. */
    private static List<Long> okLatenciesNanos(List<Op> history) {
        Map<Integer, Op> invoked = new HashMap<>();
        List<Long> latencies = new ArrayList<>();
        for (Op op : history) {
            if (!op.isClient()) {
                continue;
            }
            if (op.type() == Op.Type.INVOKE) {
                invoked.put(op.process(), op);
            } else if (op.type() == Op.Type.OK) {
                latencies.add(op.time() - invoked.remove(op.process()).time());
            }
        }
        return latencies;
    }
}
