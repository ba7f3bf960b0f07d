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
import java.util.concurrent.CompletableFuture;
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
        assertThat(bodies.get(5).get("messages").valueStream().map(JsonNode::asLong))
                .as("a read is a set: each value once").containsExactlyInAnyOrder(2L, 4L);
        assertThat(run.stderr()).contains("not JSON");
    }

    /**
     * A session replayed from a file into a file, between the shell's own lines: the node must read and write
     * where the shell's descriptors stand, as any program does. A node in the shared JVM opened the files anew
     * through /proc, so it read the line the shell had consumed, and the shell's next line overwrote its replies.
     */
    @Test
    void readsAndWritesFilesWhereTheShellsDescriptorsStand() throws Exception {
        Path session = workDir.resolve("session.jsonl");
        List<String> lines = new ArrayList<>(List.of("{\"consumed\": \"by the shell's read\"}"));
        lines.addAll(SESSION);
        Files.write(session, lines);
        Path out = workDir.resolve("out");
        Process process = new ProcessBuilder("bash", "-c", "{ read -r consumed; echo before; \"$0\"; echo after; } <\"$1\" >\"$2\"",
                LAUNCHER.toString(), session.toString(), out.toString())
                .directory(workDir.toFile()).redirectError(workDir.resolve("stderr").toFile()).start();
        boolean ended = process.waitFor(30, TimeUnit.SECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        assertThat(ended).as("the session ended").isTrue();

        List<String> written = Files.readAllLines(out);
        assertThat(written).as("%s (stderr: %s)", out, Files.readString(workDir.resolve("stderr")))
                .startsWith("before").endsWith("after").hasSize(6 + 2);
        assertThat(written.subList(1, 7)).extracting(line -> envelopeBody(line).get("in_reply_to").asLong())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(Files.readString(workDir.resolve("stderr"))).doesNotContain("consumed");
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

    /**
     * Start-up regression guard (issue #5), not a timed test: the packaged launch must map the
     * class-data archive that {@code ./mvnw package} trained. With BROADCAST_NODE_REQUIRE_ARCHIVE the
     * launcher refuses to fall back and the JVM makes a mismatch fatal (-XX:AOTMode=on / -Xshare:on);
     * the JVM's own log (info level, on stderr) shows the archive mapped.
     */
    @Test
    void packagedLaunchMapsTheTrainedArchive() throws Exception {
        Map<String, String> launch = readLaunchEnv();
        String log = "aot".equals(launch.get("FAST_START_KIND")) ? "-Xlog:aot=info:stderr" : "-Xlog:cds=info:stderr";

        // A JVM of the node's own, so that the JVM's log is this process's stderr (SharedJvmIT: the shared one).
        Run run = runSession(Map.of("BROADCAST_NODE_REQUIRE_ARCHIVE", "1", "BROADCAST_NODE_JAVA_OPTS", log,
                "BROADCAST_NODE_SHARED_JVM", "0"));

        assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isZero();
        run.stdout().forEach(LauncherIT::envelopeBody);
        assertThat(run.stdout()).hasSize(6);
        assertThat(run.stderr()).doesNotContain("starting without")
                .contains(launch.get("FAST_START_ARCHIVE"))
                .containsPattern("Mapped (static|dynamic) +region #0");
    }

    /**
     * The packaged node takes its handlers from the table Spring AOT generated at build time and calls
     * them directly; a start without AOT scans the beans and calls them by reflection (issue #15). Both
     * must answer alike: every reply and error, line for line, for handlers that take the body alone and
     * the body with the envelope, and for bodies that fail to bind.
     */
    @Test
    void generatedHandlerTableAnswersLikeRuntimeScanning() throws Exception {
        List<String> session = List.of(
                "{\"src\":\"c0\",\"dest\":\"n1\",\"body\":{\"type\":\"init\",\"msg_id\":1,\"node_id\":\"n1\",\"node_ids\":[\"n1\"]}}",
                "{\"src\":\"c1\",\"dest\":\"n1\",\"body\":{\"type\":\"topology\",\"msg_id\":2,\"topology\":{\"n1\":[]}}}",
                "{\"src\":\"c2\",\"dest\":\"n1\",\"body\":{\"type\":\"broadcast\",\"msg_id\":3,\"message\":4}}",
                "{\"src\":\"c2\",\"dest\":\"n1\",\"body\":{\"type\":\"broadcast\",\"msg_id\":4,\"message\":\"x\"}}",
                "{\"src\":\"c2\",\"dest\":\"n1\",\"body\":{\"type\":\"broadcast\",\"msg_id\":5}}",
                "{\"src\":\"c3\",\"dest\":\"n1\",\"body\":{\"type\":\"frobnicate\",\"msg_id\":6}}",
                "{\"src\":\"c0\",\"dest\":\"n1\",\"body\":{\"type\":\"init\",\"msg_id\":7,\"node_id\":\"n1\",\"node_ids\":[\"n1\"]}}",
                "{\"src\":\"c0\",\"dest\":\"n1\",\"body\":{\"type\":\"init\",\"msg_id\":8,\"node_id\":\"n2\",\"node_ids\":[\"n2\"]}}",
                "{\"src\":\"n2\",\"dest\":\"n1\",\"body\":{\"type\":\"gossip\",\"msg_id\":9,\"epoch\":5}}",
                "{\"src\":\"n2\",\"dest\":\"n1\",\"body\":{\"type\":\"gossip\",\"epoch\":5,\"peer_epoch\":0,\"values\":[],\"have\":[]}}",
                "{\"src\":\"c3\",\"dest\":\"n1\",\"body\":{\"type\":\"read\",\"msg_id\":10}}");
        Map<String, String> debug = Map.of("BROADCAST_NODE_JAVA_OPTS", "-Dlogging.level.io.glomers.runtime.HandlerRegistry=DEBUG");

        Run generated = runSession(LAUNCHER, debug, session);
        Run scanned = runSession(copyOfProject(false).resolve("bin/broadcast-node"), debug, session);

        assertThat(generated.stderr()).contains("message handlers from the build-time table");
        assertThat(scanned.stderr()).contains("message handlers found by scanning the beans");
        assertThat(generated.stdout()).as("replies with the generated table").isEqualTo(scanned.stdout());
        assertThat(generated.stdout().stream().map(LauncherIT::envelopeBody).map(body -> body.get("type").asString()))
                .containsExactly("init_ok", "topology_ok", "broadcast_ok", "error", "error", "error", "init_ok", "error",
                        "error", "read_ok");
        // The gossip handler takes the envelope too: both log the same stranger.
        assertThat(generated.stderr()).contains("Ignoring gossip from n2, which is not a peer");
        assertThat(scanned.stderr()).contains("Ignoring gossip from n2, which is not a peer");
    }

    /**
     * Spring AOT fixes the profiles active while it runs: a build under SPRING_PROFILES_ACTIVE=balanced
     * once made every later start balanced, whatever its environment said, until the generated class
     * was cleaned away. The packaged node must carry no such class and take its profile as it starts:
     * the default strategy stamps its gossip with the send time, and {@code fast} sends a value straight
     * to every peer without one.
     */
    @Test
    void theProfileIsChosenWhenTheNodeStartsNotWhenTheJarWasBuilt() throws Exception {
        Path project = Path.of(System.getProperty("user.dir"));
        try (var jar = new java.util.zip.ZipFile(project.resolve("target/broadcast-node.jar").toFile())) {
            assertThat(jar.stream().map(java.util.zip.ZipEntry::getName))
                    .as("a generated class that activates the build's profiles at every start")
                    .noneMatch(name -> name.endsWith("__EnvironmentPostProcessor.class"));
        }
        try (var sources = Files.walk(project.resolve("src/main/java"))) {
            assertThat(sources.map(path -> path.getFileName().toString()))
                    .as("the build cleans classes named *__*.class as Spring AOT's output before it runs again")
                    .noneMatch(name -> name.contains("__"));
        }
        List<String> session = List.of(
                "{\"src\":\"c0\",\"dest\":\"n1\",\"body\":{\"type\":\"init\",\"msg_id\":1,\"node_id\":\"n1\",\"node_ids\":[\"n0\",\"n1\",\"n2\"]}}",
                "{\"src\":\"c2\",\"dest\":\"n1\",\"body\":{\"type\":\"broadcast\",\"msg_id\":2,\"message\":7}}");

        // Emptied, not left out: the environment this test runs in may name a profile of its own.
        List<SentGossip> byDefault = gossipSent(runSession(LAUNCHER, Map.of("SPRING_PROFILES_ACTIVE", ""), session));
        List<SentGossip> fast = gossipSent(runSession(LAUNCHER, Map.of("SPRING_PROFILES_ACTIVE", "fast"), session));

        assertThat(byDefault).as("gossip of the default (adaptive) node").isNotEmpty().allMatch(SentGossip::stamped);
        assertThat(fast).as("gossip of the fast (direct) node").noneMatch(SentGossip::stamped)
                .contains(new SentGossip("n0", "[7]", false), new SentGossip("n2", "[7]", false));
    }

    /** A gossip the node wrote: where to, its values, and whether it carries a send time. */
    private record SentGossip(String dest, String values, boolean stamped) {
    }

    private static List<SentGossip> gossipSent(Run run) {
        assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isZero();
        List<SentGossip> gossip = new ArrayList<>();
        for (String line : run.stdout()) {
            JsonNode body = envelopeBody(line);
            if (body.get("type").asString().equals("gossip")) {
                gossip.add(new SentGossip(MAPPER.readTree(line).get("dest").asString(), body.get("values").toString(),
                        body.has("sent")));
            }
        }
        return gossip;
    }

    /** A copy of the project without the fast-start folder: a plain start, said on stderr only. */
    @Test
    void startsPlainlyWithoutAnArchiveAndSaysSoOnStderr() throws Exception {
        Path copy = copyOfProject(false);

        Run run = runSession(copy.resolve("bin/broadcast-node"), Map.of());

        assertThat(run.exitCode()).isZero();
        run.stdout().forEach(LauncherIT::envelopeBody);
        assertThat(run.stdout()).hasSize(6);
        assertThat(run.stderr()).contains("no fast-start archive").contains("starting without it");
    }

    /** The jar is newer than the archive (a rebuild that skipped the training): a plain start. */
    @Test
    void startsPlainlyWithAStaleArchive() throws Exception {
        Path copy = copyOfProject(true);
        Files.setLastModifiedTime(copy.resolve("target/broadcast-node.jar"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));

        Run run = runSession(copy.resolve("bin/broadcast-node"), Map.of());

        assertThat(run.exitCode()).isZero();
        run.stdout().forEach(LauncherIT::envelopeBody);
        assertThat(run.stdout()).hasSize(6);
        assertThat(run.stderr()).contains("stale").contains("starting without it");
    }

    /**
     * An archive the JVM itself rejects (here: garbage in place of the archive, which the launcher's
     * cheap checks cannot see): the JVM runs without it and stdout stays clean; JDK 25 warns on stderr.
     */
    @Test
    void survivesAnArchiveTheJvmRejects() throws Exception {
        Path copy = copyOfProject(true);
        Map<String, String> launch = readLaunchEnv();
        Path archive = copy.resolve("target/fast-start").resolve(Path.of(launch.get("FAST_START_ARCHIVE")).getFileName());
        Files.writeString(archive, "not an archive\n");
        Files.writeString(copy.resolve("target/fast-start/launch.env"), Files.readString(
                copy.resolve("target/fast-start/launch.env")).replace(launch.get("FAST_START_ARCHIVE"), archive.toString()));

        // A JVM of the node's own: a shared JVM's warnings go to the host's log, not to this node's stderr.
        Run run = runSession(copy.resolve("bin/broadcast-node"), Map.of("BROADCAST_NODE_SHARED_JVM", "0"));

        assertThat(run.exitCode()).isZero();
        run.stdout().forEach(LauncherIT::envelopeBody);
        assertThat(run.stdout()).hasSize(6);
        if ("aot".equals(launch.get("FAST_START_KIND"))) {
            // JDK 25 says so at warning level; JDK 17 drops a bad dynamic archive silently (info level).
            assertThat(run.stderr()).containsPattern("\\[(warning|error)\\]\\[aot");
        }
    }

    private static Map<String, String> readLaunchEnv() throws IOException {
        Path env = Path.of(System.getProperty("user.dir"), "target", "fast-start", "launch.env");
        assertThat(env).as("./mvnw package writes %s", env).exists();
        Map<String, String> values = new java.util.HashMap<>();
        for (String line : Files.readAllLines(env)) {
            int eq = line.indexOf('=');
            values.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return values;
    }

    /** The launcher, config, jar and (optionally) fast-start folder, copied with their timestamps. */
    private Path copyOfProject(boolean withFastStart) throws IOException {
        Path project = Path.of(System.getProperty("user.dir"));
        Path copy = Files.createDirectories(workDir.resolve("project"));
        List<String> paths = new ArrayList<>(List.of("bin", "config", "target/broadcast-node.jar"));
        if (withFastStart) {
            paths.add("target/fast-start");
        }
        for (String path : paths) {
            Path source = project.resolve(path);
            try (var files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (file.toString().contains("/training")) {
                        continue;
                    }
                    Path target = copy.resolve(project.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return copy;
    }

    private Run runSession(Map<String, String> environment) throws Exception {
        return runSession(LAUNCHER, environment);
    }

    private Run runSession(Path launcher, Map<String, String> environment) throws Exception {
        return runSession(launcher, environment, SESSION);
    }

    private Run runSession(Path launcher, Map<String, String> environment, List<String> session)
            throws Exception {
        // Stdout through a pipe, as Maelstrom's: into a file the launcher would not use the shared JVM.
        ProcessBuilder builder = new ProcessBuilder(launcher.toString()).directory(workDir.toFile())
                .redirectError(workDir.resolve("stderr").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<List<String>> stdout = CompletableFuture.supplyAsync(() -> process.inputReader(StandardCharsets.UTF_8)
                .lines().toList());
        try (OutputStream stdin = process.getOutputStream()) {
            for (String line : session) {
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
        return new Run(process.exitValue(), stdout.get(20, TimeUnit.SECONDS), Files.readString(workDir.resolve("stderr")));
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
