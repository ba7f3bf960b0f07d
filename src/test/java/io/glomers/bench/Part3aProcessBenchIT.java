package io.glomers.bench;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.run.BenchResult;
import io.glomers.bench.run.BenchRunner;
import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.options.RunArguments;
import io.glomers.bench.nodes.ProcessNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Part 3a through the real launcher, as Maelstrom runs it: a child process per node (needs the packaged jar). */
class Part3aProcessBenchIT {

    private static final Path LAUNCHER = Path.of(System.getProperty("user.dir"), "bin", "broadcast-node");

    @TempDir
    Path store;

    @Test
    void singleNodeBroadcastThroughTheLauncherIsValid() throws Exception {
        BenchOptions options = RunArguments.parse(List.of("3a", "--time-limit", "3", "--recovery-wait", "1",
                "--bin", LAUNCHER.toString(), "--store", store.toString()), 11);

        BenchResult result = new BenchRunner(options, ProcessNode.factory(LAUNCHER, List.of()),
                BenchRunner.defaultChecker(), new PrintStream(OutputStream.nullOutputStream())).run();

        assertThat(result.reasons()).isEmpty();
        Part3aBenchTest.assertNetArithmetic(result);
        assertThat(Files.readString(result.dir().resolve("node-logs").resolve("n0.log"))).contains("Initialised as n0");
    }
}
