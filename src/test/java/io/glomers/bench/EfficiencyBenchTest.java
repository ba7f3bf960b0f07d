package io.glomers.bench;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.run.BenchResult;
import io.glomers.bench.run.BenchRunner;
import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.options.RunArguments;
import io.glomers.bench.nodes.InProcessNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parts 3d and 3e on our node with its default configuration: 25 nodes in this JVM, real time,
 * Maelstrom's full arguments and recovery wait. Only the challenge's official targets are asserted
 * (our tighter profile targets are measured in docs/benchmarks.md). The default plans its maximum a
 * tenth under 3d's, and a pause of the whole JVM stops all 25 nodes at once, as no Maelstrom run
 * does: Maven runs this class in a JVM of its own with a concurrent collector (pom.xml, execution
 * {@code real-time-bench}); in the shared one, after the other tests, G1's pauses reached 76 ms in
 * mid-run and a run's maximum 602 ms. 3d and 3e share their arguments, so one run answers both.
 */
class EfficiencyBenchTest {

    @TempDir
    Path store;

    @Test
    void theDefaultConfigurationMeetsTheOfficialTargetsOf3dAnd3e() throws Exception {
        BenchResult result = run("3d");

        assertThat(result.reasons()).isEmpty();
        double serverMsgsPerOp = result.net().serversPerOp();
        long median = result.outcome().stableLatencies().get(0.5);
        long max = result.outcome().stableLatencies().get(1.0);
        System.err.printf("3d/3e default configuration: servers msgs-per-op %.2f, median %d ms, max %d ms%n",
                serverMsgsPerOp, median, max);
        assertThat(serverMsgsPerOp).as("servers msgs-per-op (3d < 30, 3e < 20)").isLessThan(20);
        assertThat(median).as("median stable latency (3d < 400 ms, 3e < 1 s)").isLessThan(400);
        assertThat(max).as("max stable latency (3d < 600 ms, 3e < 2 s)").isLessThan(600);
    }

    @Test
    void theDefaultConfigurationLosesNothingUnderPartitions() throws Exception {
        BenchResult result = run("3d", "--nemesis", "partition");

        assertThat(result.reasons()).isEmpty();
        assertThat(result.outcome().lost()).isEmpty();
        assertThat(result.history()).anyMatch(op -> !op.isClient() && op.f().equals("start-partition"));
    }

    private BenchResult run(String... args) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.addAll(List.of("--in-process", "--store", store.toString()));
        BenchOptions options = RunArguments.parse(arguments, 3);
        return new BenchRunner(options, InProcessNode.factory(), BenchRunner.defaultChecker(),
                new PrintStream(OutputStream.nullOutputStream())).run();
    }
}
