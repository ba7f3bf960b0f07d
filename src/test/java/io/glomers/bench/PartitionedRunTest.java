package io.glomers.bench;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.run.BenchResult;
import io.glomers.bench.run.BenchRunner;
import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.options.RunArguments;
import io.glomers.bench.fakes.FakeNode;
import io.glomers.bench.history.Op;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3c-shaped run (5 nodes, partition nemesis, here with server latency too) against a hand-written
 * anti-entropy node: the nemesis acts, the network heals before the final reads, and the run is valid.
 */
class PartitionedRunTest {

    @TempDir
    Path store;

    @Test
    void antiEntropySurvivesPartitionsAndTheRunCountsServerTraffic() throws Exception {
        BenchOptions options = RunArguments.parse(List.of("3c", "--time-limit", "4", "--nemesis-interval", "0.5",
                "--latency", "20", "--latency-dist", "exponential", "--recovery-wait", "1", "--in-process",
                "--store", store.toString()), 5);

        BenchResult result = new BenchRunner(options, FakeNode.factory(FakeNode.Gossiping::new),
                BenchRunner.defaultChecker(), new PrintStream(OutputStream.nullOutputStream())).run();

        assertThat(result.reasons()).isEmpty();
        List<Op> nemesis = result.history().stream().filter(op -> !op.isClient()).toList();
        assertThat(nemesis).extracting(Op::f).contains("start-partition");
        assertThat(nemesis.get(nemesis.size() - 1).value()).isEqualTo(":network-healed");
        assertThat(result.history()).filteredOn(Op::finalRead).hasSizeGreaterThanOrEqualTo(2 * 5);
        assertThat(result.net().servers().msgCount()).isPositive();
        // Partitions drop server messages: sent but never received.
        assertThat(result.net().servers().recvCount()).isLessThan(result.net().servers().sendCount());
    }
}
