package io.glomers.bench;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.run.BenchResult;
import io.glomers.bench.run.BenchRunner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glomers.bench.nemesis.Fault;
import io.glomers.bench.options.RunArguments;
import io.glomers.bench.fakes.FakeNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --nemesis} as a list, and kill/pause refused where a node cannot be killed. */
class NemesisOptionsTest {

    @TempDir
    Path store;

    @Test
    void nemesisTakesACommaSeparatedListOrNone() {
        assertThat(RunArguments.parse(List.of("3c"), 1).faults()).containsExactly(Fault.PARTITION);
        assertThat(RunArguments.parse(List.of("3c", "--nemesis", "partition,kill,pause"), 1).faults())
                .containsExactly(Fault.PARTITION, Fault.KILL, Fault.PAUSE);
        assertThat(RunArguments.parse(List.of("3c", "--nemesis", "pause"), 1).partitionNemesis()).isFalse();
        assertThat(RunArguments.parse(List.of("3c", "--nemesis", "none"), 1).faults()).isEmpty();
        assertThatThrownBy(() -> RunArguments.parse(List.of("--nemesis", "partition,clock"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'clock' is none of them");
    }

    @Test
    void inProcessNodesRefuseKillAndPauseWithAClearReason() throws Exception {
        BenchOptions options = RunArguments.parse(List.of("3b", "--nemesis", "partition,kill", "--time-limit", "1",
                "--recovery-wait", "0", "--in-process", "--store", store.toString()), 1);

        BenchResult result = new BenchRunner(options, FakeNode.factory(FakeNode::new), BenchRunner.defaultChecker(),
                new PrintStream(OutputStream.nullOutputStream())).run();

        assertThat(result.valid()).isFalse();
        assertThat(result.reasons()).singleElement().asString()
                .contains("--nemesis kill and pause need process mode (--bin) or the simulator");
    }
}
