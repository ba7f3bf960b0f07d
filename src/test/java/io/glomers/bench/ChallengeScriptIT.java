package io.glomers.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/challenge} hands a part over to real Maelstrom when there is one, with the part's arguments. */
class ChallengeScriptIT {

    private static final Path ROOT = Path.of(System.getProperty("user.dir"));

    @TempDir
    Path dir;

    private record Run(int exitCode, String stdout) {
    }

    private Run challenge(Path maelstrom, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/challenge").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("MAELSTROM", maelstrom.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out.strip());
    }

    private Path fakeMaelstrom() throws Exception {
        Path script = dir.resolve("maelstrom");
        Files.writeString(script, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void execsMaelstromWithThePartsArgumentsAndTheOverrides() throws Exception {
        Run run = challenge(fakeMaelstrom(), "3d", "--nemesis", "partition", "--seed", "4", "--in-process");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("test -w broadcast --bin " + ROOT.resolve("bin/broadcast-node")
                + " --node-count 25 --time-limit 20 --rate 100 --latency 100 --nemesis partition");
    }

    @Test
    void anotherNodeExecutableReplacesOurs() throws Exception {
        Run run = challenge(fakeMaelstrom(), "3a", "--bin", "/opt/other-node");

        assertThat(run.stdout()).isEqualTo("test -w broadcast --bin /opt/other-node --node-count 1 --time-limit 20 --rate 10");
    }

    @Test
    void rejectsAnUnknownPart() throws Exception {
        assertThat(challenge(fakeMaelstrom(), "3z").exitCode()).isEqualTo(2);
    }
}
