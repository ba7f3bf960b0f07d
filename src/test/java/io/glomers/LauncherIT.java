package io.glomers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged node as Maelstrom runs it: {@code bin/broadcast-node} as a child process, started in a
 * foreign working directory. Every stdout line must be a protocol envelope.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of(System.getProperty("user.dir"), "bin", "broadcast-node");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final List<String> SESSION = List.of(
            "{\"src\":\"c0\",\"dest\":\"n1\",\"body\":{\"type\":\"init\",\"msg_id\":1,\"node_id\":\"n1\",\"node_ids\":[\"n1\"]}}",
            "{\"src\":\"c1\",\"dest\":\"n1\",\"body\":{\"type\":\"topology\",\"msg_id\":2,\"topology\":{\"n1\":[]}}}",
            "{\"src\":\"c2\",\"dest\":\"n1\",\"body\":{\"type\":\"broadcast\",\"msg_id\":3,\"message\":4}}",
            "not json at all",
            "{\"src\":\"c2\",\"dest\":\"n1\",\"body\":{\"type\":\"broadcast\",\"msg_id\":4,\"message\":2}}",
            "{\"src\":\"c2\",\"dest\":\"n1\",\"body\":{\"type\":\"broadcast\",\"msg_id\":5,\"message\":\"x\"}}",
            "{\"src\":\"c3\",\"dest\":\"n1\",\"body\":{\"type\":\"read\",\"msg_id\":6}}");

    @TempDir
    Path workDir;

    @Test
    void servesASessionAndExitsCleanlyOnEndOfInput() throws Exception {
        Run run = runSession(Map.of());

        assertThat(run.exitCode()).isZero();
        List<JsonNode> bodies = run.stdout().stream().map(LauncherIT::envelopeBody).toList();
        assertThat(bodies).extracting(body -> body.get("type").asString())
                .containsExactly("init_ok", "topology_ok", "broadcast_ok", "broadcast_ok", "error", "read_ok");
        assertThat(bodies).extracting(body -> body.get("in_reply_to").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(bodies.get(4).get("code").asInt()).isEqualTo(12);
        assertThat(bodies.get(5).get("messages").toString()).isEqualTo("[2,4]");
        assertThat(run.stderr()).contains("not JSON");
    }

    @Test
    void debugProfileTracesOnStderrAndKeepsStdoutClean() throws Exception {
        Run run = runSession(Map.of("SPRING_PROFILES_ACTIVE", "debug"));

        assertThat(run.exitCode()).isZero();
        run.stdout().forEach(LauncherIT::envelopeBody);
        assertThat(run.stdout()).hasSize(6);
        assertThat(run.stderr()).contains("in  {\"src\":\"c0\"").contains("out {\"src\":\"n1\",\"dest\":\"c0\"");
    }

    @Test
    void ignoresConfigurationInItsWorkingDirectory() throws Exception {
        // Maelstrom's working directory is the temp dir; Spring must not pick up files from there.
        Files.createDirectories(workDir.resolve("config"));
        Files.writeString(workDir.resolve("config/application.properties"), "spring.main.banner-mode=console\n");
        Files.writeString(workDir.resolve("application.properties"), "spring.main.banner-mode=console\n");

        Run run = runSession(Map.of());

        assertThat(run.exitCode()).isZero();
        run.stdout().forEach(LauncherIT::envelopeBody);
        assertThat(run.stdout()).hasSize(6);
    }

    private Run runSession(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString()).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("stdout").toFile())
                .redirectError(workDir.resolve("stderr").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            for (String line : SESSION) {
                stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        long closedAt = System.nanoTime();
        boolean exited = process.waitFor(20, TimeUnit.SECONDS);
        long afterEof = (System.nanoTime() - closedAt) / 1_000_000;
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as("node exits after end of input").isTrue();
        System.err.println("node exited " + afterEof + " ms after stdin closed (JVM start included)");
        return new Run(process.exitValue(),
                Files.readAllLines(workDir.resolve("stdout")), Files.readString(workDir.resolve("stderr")));
    }

    private static JsonNode envelopeBody(String line) {
        JsonNode envelope = MAPPER.readTree(line);
        assertThat(envelope.isObject()).as("stdout line is a JSON object: %s", line).isTrue();
        assertThat(envelope.get("src").isString()).as("src in %s", line).isTrue();
        assertThat(envelope.get("dest").isString()).as("dest in %s", line).isTrue();
        assertThat(envelope.get("body").get("type").isString()).as("body.type in %s", line).isTrue();
        return envelope.get("body");
    }

    private record Run(int exitCode, List<String> stdout, String stderr) {
        Run {
            stdout = new ArrayList<>(stdout);
        }
    }
}
