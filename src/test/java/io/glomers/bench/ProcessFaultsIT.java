package io.glomers.bench;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.run.BenchResult;
import io.glomers.bench.run.BenchRunner;
import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.options.RunArguments;
import io.glomers.bench.history.Op;
import io.glomers.bench.nodes.ProcessNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill and pause on real processes through the launcher (needs the packaged jar): SIGKILL, restart,
 * init again; SIGSTOP, SIGCONT. Small on purpose: three JVMs plus restarts on a shared machine.
 */
class ProcessFaultsIT {

    private static final Path LAUNCHER = Path.of(System.getProperty("user.dir"), "bin", "broadcast-node");

    @TempDir
    Path store;

    @Test
    void killedAndPausedProcessesComeBackAndNothingIsLost() throws Exception {
        BenchResult result = run("kill,pause", 6);

        assertThat(result.reasons()).isEmpty();
        List<Op> nemesis = result.history().stream().filter(op -> !op.isClient()).toList();
        assertThat(nemesis).extracting(op -> op.f() + " " + op.value())
                .anyMatch(op -> op.startsWith("kill {") && op.contains(":killed"))
                .anyMatch(op -> op.startsWith("start {") && op.contains(":started"))
                .anyMatch(op -> op.startsWith("pause "))
                .allMatch(op -> !op.startsWith("pause {\"") || op.contains(":paused"));
        // The restarted process's stderr is appended to the node's log: it initialised twice.
        String killed = ((String) nemesis.stream().filter(op -> op.f().equals("kill")).findFirst().orElseThrow().value())
                .replaceAll("[\\[\\]\"]", "").split(" ")[0];
        String log = Files.readString(result.dir().resolve("node-logs").resolve(killed + ".log"));
        assertThat(log.split("Initialised as " + killed, -1)).hasSizeGreaterThanOrEqualTo(3);
    }

    /**
     * Pause alone: with kills alongside, a pause may draw only the node that is down (Jepsen's
     * targets keep the eligible ones, possibly none), and in real time the draws follow the
     * machine's timing, so only here is a real SIGSTOP and SIGCONT certain.
     */
    @Test
    void pausedProcessesResumeAndNothingIsLost() throws Exception {
        BenchResult result = run("pause", 3);

        assertThat(result.reasons()).isEmpty();
        assertThat(result.history().stream().filter(op -> !op.isClient()).toList())
                .extracting(op -> op.f() + " " + op.value())
                .anyMatch(op -> op.startsWith("pause {") && op.contains(":paused"))
                .anyMatch(op -> op.startsWith("resume {") && op.contains(":resumed"));
    }

    private BenchResult run(String nemesis, int seconds) throws Exception {
        BenchOptions options = RunArguments.parse(List.of("3c", "--node-count", "3", "--time-limit", String.valueOf(seconds),
                "--nemesis", nemesis, "--nemesis-interval", "2", "--recovery-wait", "3",
                "--bin", LAUNCHER.toString(), "--store", store.toString()), 5);
        return new BenchRunner(options, ProcessNode.factory(LAUNCHER, List.of()),
                BenchRunner.defaultChecker(), new PrintStream(OutputStream.nullOutputStream())).run();
    }
}
