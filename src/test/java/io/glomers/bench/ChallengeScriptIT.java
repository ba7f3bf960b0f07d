package io.glomers.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.check.MaelstromRuns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/challenge} hands a part over to real Maelstrom when there is one, with the part's arguments,
 * and reports Maelstrom's run as it reports a bench run: the compact summary and targets line from
 * Maelstrom's results.edn, the exit status, the run under the store and {@code latest} pointing at it.
 * Maelstrom here is a stand-in that records its arguments and leaves a stored real run where Maelstrom
 * would (real Maelstrom itself: {@code BroadcastPartsMaelstromIT}).
 */
class ChallengeScriptIT {

    private static final Path ROOT = Path.of(System.getProperty("user.dir"));

    @TempDir
    Path dir;

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private Run challenge(Path maelstrom, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/challenge").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--store", dir.resolve("store").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().put("MAELSTROM", maelstrom.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out.strip(), Files.readString(dir.resolve("stderr.txt")));
    }

    /** A stand-in for Maelstrom: writes its arguments to args.txt and stores the reference run {@code run} as its own. */
    private Path fakeMaelstrom(String run) throws Exception {
        Path script = dir.resolve("maelstrom");
        String stored = "store/broadcast/20261202T101112.131Z";
        Files.writeString(script, "#!/bin/sh\n"
                + "echo \"$@\" > " + dir.resolve("args.txt") + "\n"
                + "echo 'INFO [2026-12-02 10:11:12,131] jepsen test runner - jepsen.core Relative time begins now'\n"
                + (run == null ? "echo 'ERROR [2026-12-02 10:11:13,000] jepsen test runner - jepsen.cli Oh jeez, Jepsen broke.'\nexit 255\n"
                : "mkdir -p " + stored + " && cp -r " + MaelstromRuns.dir(run) + "/. " + stored + "/\n"
                + "ln -s broadcast/20261202T101112.131Z store/latest\n"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private String arguments() throws Exception {
        return Files.readString(dir.resolve("args.txt")).strip();
    }

    @Test
    void runsMaelstromWithThePartsArgumentsAndReportsItsRunAsTheBenchWould() throws Exception {
        Run run = challenge(fakeMaelstrom("node-3d-balanced-jvm-per-node"), "3d", "--nemesis", "partition", "--seed", "4");

        assertThat(arguments()).isEqualTo("test -w broadcast --bin " + ROOT.resolve("bin/broadcast-node")
                + " --node-count 25 --time-limit 20 --rate 100 --latency 100 --nemesis partition");
        assertThat(run.exitCode()).isZero();
        List<String> lines = run.stdout().lines().toList();
        assertThat(lines.get(0)).matches("3d VALID: \\d+ operations, 25 node\\(s\\) under real Maelstrom");
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("  targets 3d: servers msgs-per-op 3.54 (< 30.00 met), median 144 ms (< 400 met)"));
        Path stored = dir.resolve("store/3d/20261202T101112.131");
        assertThat(dir.resolve("store/latest")).isSymbolicLink();
        assertThat(dir.resolve("store/latest").toRealPath()).isEqualTo(stored.toRealPath());
        assertThat(stored.resolve("results.edn")).exists();
        assertThat(stored.resolve("maelstrom.log")).content().contains("Relative time begins now");
        assertThat(run.stderr()).contains("--seed 4 ignored under real Maelstrom");
        assertThat(dir.resolve("store")).isDirectoryNotContaining(path -> path.getFileName().toString().startsWith(".maelstrom"));
    }

    @Test
    void anInvalidRunExitsWithOneAndSaysWhy() throws Exception {
        Run run = challenge(fakeMaelstrom("neg"), "3b");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).startsWith("3b INVALID").contains("why          Maelstrom's :workload is :valid? false (33 lost)");
    }

    @Test
    void aMaelstromThatBreaksLeavesItsLogAndTheLineThatSaysWhy() throws Exception {
        Run run = challenge(fakeMaelstrom(null), "3a");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).startsWith("3a INVALID: real Maelstrom ended (exit status 255) without results")
                .contains("Jepsen broke.");
        assertThat(dir.resolve("store/latest/maelstrom.log")).content().contains("Jepsen broke.");
    }

    @Test
    void anotherNodeExecutableReplacesOurs() throws Exception {
        Path other = Files.writeString(dir.resolve("other-node"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rwxr-xr-x"));

        challenge(fakeMaelstrom("b5"), "3a", "--bin", other.toString());

        assertThat(arguments()).isEqualTo("test -w broadcast --bin " + other + " --node-count 1 --time-limit 20 --rate 10");
    }

    @Test
    void aMaelstromThatCannotBeStartedIsSaidWithStatusThree() throws Exception {
        Path notExecutable = Files.writeString(dir.resolve("not-maelstrom"), "#!/bin/sh\n");

        Run run = challenge(notExecutable, "3a");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stderr()).contains("challenge: cannot run Maelstrom (" + notExecutable + ")");
        assertThat(dir.resolve("store")).isEmptyDirectory();
    }

    @Test
    void refusesWhatMaelstromCannotRunWithStatusTwo() throws Exception {
        assertThat(challenge(fakeMaelstrom("b5"), "3z").exitCode()).isEqualTo(2);
        Run killed = challenge(fakeMaelstrom("b5"), "3c", "--nemesis", "kill");
        assertThat(killed.exitCode()).isEqualTo(2);
        assertThat(killed.stderr()).contains("only the partition nemesis");
        assertThat(dir.resolve("args.txt")).doesNotExist();
    }

    @Test
    void inProcessIsIgnoredUnderMaelstromWhoseNodesAreOurs() throws Exception {
        Run run = challenge(fakeMaelstrom("b5"), "3a", "--in-process");

        assertThat(run.exitCode()).isZero();
        assertThat(arguments()).isEqualTo("test -w broadcast --bin " + ROOT.resolve("bin/broadcast-node")
                + " --node-count 1 --time-limit 20 --rate 10");
        assertThat(run.stderr()).contains("--in-process ignored under real Maelstrom");
    }
}
