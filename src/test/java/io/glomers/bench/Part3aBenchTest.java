package io.glomers.bench;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.run.BenchResult;
import io.glomers.bench.run.BenchRunner;
import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.options.RunArguments;
import io.glomers.bench.history.Op;
import io.glomers.bench.check.NetStats;
import io.glomers.bench.nodes.InProcessNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Part 3a on our own node, in-process: valid, and the message counts add up exactly. */
class Part3aBenchTest {

    @TempDir
    Path store;

    @Test
    void singleNodeBroadcastIsValidAndItsNetCountsMatchTheArithmetic() throws Exception {
        BenchOptions options = RunArguments.parse(List.of("3a", "--time-limit", "3", "--recovery-wait", "1",
                "--in-process", "--store", store.toString()), 7);

        BenchResult result = new BenchRunner(options, InProcessNode.factory(), BenchRunner.defaultChecker(),
                new PrintStream(OutputStream.nullOutputStream())).run();

        assertThat(result.reasons()).isEmpty();
        assertNetArithmetic(result);
        assertThat(result.history()).filteredOn(Op::finalRead).extracting(Op::type).contains(Op.Type.OK);
        assertThat(Files.readString(result.dir().resolve("results.edn"))).contains(":valid? true}");
        assertThat(Files.readString(result.dir().resolve("history.edn"))).contains(":final? true");
    }

    /** clients msg-count = 2 x client operations + 4 (init and topology round trips); no server traffic. */
    static void assertNetArithmetic(BenchResult result) {
        long invocations = result.history().stream().filter(op -> op.isClient() && op.type() == Op.Type.INVOKE).count();
        assertThat(result.operations()).isEqualTo(invocations).isPositive();
        NetStats net = result.net();
        assertThat(net.clients().msgCount()).isEqualTo(2 * invocations + 4);
        assertThat(net.clients().recvCount()).isEqualTo(net.clients().sendCount());
        assertThat(net.servers().msgCount()).isZero();
        assertThat(net.all().msgCount()).isEqualTo(net.clients().msgCount());
    }
}
