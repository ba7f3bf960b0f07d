package io.glomers.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bin/challenge} as a newcomer meets it: a bad argument of each kind comes back as one line on stderr
 * with status 2, nothing on stdout, no stack trace, quickly, and before any Spring context starts; a run whose
 * nodes never answer init says why and what to try. (Every kind of bad value, in this JVM:
 * {@code ChallengeCommandLineTest}.)
 */
class ChallengeArgumentsIT {

    private static final Path ROOT = Path.of(System.getProperty("user.dir"));
    /** About 0.6 s on an idle 2-core machine (docs/benchmarks.md); the bound leaves room for a busy CI. */
    private static final Duration REFUSAL_BOUND = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    private record Run(int status, String out, String err, Duration took) {
    }

    private Run challenge(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/challenge").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().remove("MAELSTROM");
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new Run(process.exitValue(), out, Files.readString(dir.resolve("stderr.txt")), took);
    }

    @ParameterizedTest(name = "bin/challenge {0}")
    @ValueSource(strings = {"3z", "3d --rate abc", "3a --time-limit -5", "3d --node-count 0", "3d --nemesis foo",
            "3d --latency-dist pareto", "3d --topology ring", "sim --store /no/such/dir 3d", "serve --port 70000",
            "draw /no/such/run", "3d --bin /no/such/node", "3d --unknown", "3d --node-count 2147483647",
            "3a --time-limit 1e20", "sim --port 80", "draw --rate 5", "3d -- --rate 5", "3d --rate", "serve --port -1",
            "3d --store ''", "''", "(nothing)"})
    void aBadArgumentIsOneQuickLineWithStatusTwo(String line) throws Exception {
        // '' is an empty word, as a shell passes it; (nothing) is bin/challenge alone.
        String[] words = line.equals("(nothing)") ? new String[0]
                : Stream.of(line.split(" ")).map(word -> word.equals("''") ? "" : word).toArray(String[]::new);
        Run run = challenge(Map.of(), words);

        System.err.printf("ChallengeArgumentsIT: bin/challenge %s refused in %d ms%n", line, run.took().toMillis());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString()
                .contains("--help lists the options")
                .doesNotContain("Exception", "\tat ", "at io.");
        assertThat(run.took()).isLessThan(REFUSAL_BOUND);
    }

    @Test
    void aBadProfileInTheEnvironmentIsNamedAsSuchAndLeavesTheHelpAlone() throws Exception {
        Map<String, String> env = Map.of("SPRING_PROFILES_ACTIVE", "bogus");

        Run help = challenge(env, "sim", "--help");
        Run refused = challenge(env, "sim", "--runs", "1");

        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("--profile");
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err().lines()).singleElement().asString()
                .contains("SPRING_PROFILES_ACTIVE, the default of --profile: 'bogus' is not a profile", "balanced");
    }

    @Test
    void argumentsAreCheckedBeforeAnySpringClassLoads() throws Exception {
        Path classes = dir.resolve("classes.log");

        Run run = challenge(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classes), "3d", "--rate", "abc");

        assertThat(run.status()).isEqualTo(2);
        assertThat(classes).content().contains("picocli.CommandLine").doesNotContain("org.springframework");
    }

    @Test
    void nodesThatNeverAnswerInitGetASummarySayingWhyAndWhatToTry() throws Exception {
        Path deaf = dir.resolve("deaf-node");
        Files.writeString(deaf, "#!/bin/sh\nexec cat >/dev/null\n");
        Files.setPosixFilePermissions(deaf, PosixFilePermissions.fromString("rwxr-xr-x"));

        Run run = challenge(Map.of(), "3d", "--bin", deaf.toString(), "--node-count", "7", "--init-deadline", "1",
                "--store", dir.resolve("store").toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith("3d INVALID: 0 operations")
                .contains("7 of 7 nodes [n0, n1, n2, n3, n4, n5, n6] did not answer init within 1000 ms", "none answered")
                .containsPattern("machine +\\d+ cores; load average [\\d.]+ before the run, [\\d.]+ after")
                .contains("may not read stdin", "a quieter machine", "--node-count 5", "--init-deadline 60")
                // It is not our node: running ours in-process, or what Spring Boot costs, would not help it.
                .doesNotContain("--in-process", "Spring Boot");
        assertThat(run.out()).doesNotContain("Exception");
    }
}
