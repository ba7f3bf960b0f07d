package io.glomers.bench.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user does, through {@code bin/challenge} itself: {@code bin/challenge 3b --time-limit 5}
 * (the nodes as processes through the launcher; needs the packaged jar), then {@code bin/challenge
 * serve}, which must show that run at once.
 */
class ChallengeViewIT {

    private static final Path ROOT = Path.of(System.getProperty("user.dir"));
    /** The target is a second on an idle machine; this bound catches a serve that builds something first. */
    private static final Duration SERVE_BOUND = Duration.ofSeconds(5);

    @TempDir
    Path store;

    @Test
    void a3bRunLeavesEveryFileInStoreLatestAndServeShowsItAtOnce() throws Exception {
        Process run = challenge("3b", "--time-limit", "5", "--store", store.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String summary = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(run.exitValue()).as(summary).isZero();
        List<String> lines = summary.lines().toList();
        assertThat(lines.get(0)).startsWith("3b VALID: ");
        assertThat(lines).hasSizeLessThanOrEqualTo(15);
        Path latest = store.resolve(RunFiles.LATEST);
        for (String file : List.of(RunFiles.RESULTS, RunFiles.HISTORY, RunFiles.JOURNAL, RunFiles.LATENCY_RAW,
                RunFiles.LATENCY_QUANTILES, RunFiles.RATE, RunFiles.MESSAGES_SVG, RunFiles.TIMELINE)) {
            assertThat(latest.resolve(file)).as(file).isNotEmptyFile();
        }
        for (int node = 0; node < 5; node++) {
            assertThat(latest.resolve(RunFiles.NODE_LOGS).resolve("n" + node + ".log")).content().contains("Initialised as n" + node);
        }
        String runPath = store.toRealPath().relativize(latest.toRealPath()).toString();

        long started = System.nanoTime();
        Process serve = challenge("serve", "--port", String.valueOf(freePort()), "--store", store.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String first = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(first).startsWith("serving ").contains("http://127.0.0.1:");
            URI uri = URI.create(first.substring(first.indexOf("http://"), first.indexOf('/', first.indexOf("http://") + 7) + 1));
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            Duration shown = Duration.ofNanos(System.nanoTime() - started);
            System.err.println("ChallengeViewIT: bin/challenge serve showed the run " + shown.toMillis() + " ms after it was started");
            assertThat(page.body()).contains("/runs/" + runPath + "/").contains("VALID");
            assertThat(shown).isLessThan(SERVE_BOUND);
        } finally {
            serve.destroy();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A port free now (the command line takes 1-65535 only, not 0 for "any"); taken a moment later only by bad luck. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static ProcessBuilder challenge(String... args) {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/challenge").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        // The embedded bench, not a Maelstrom the machine may have.
        builder.environment().put("MAELSTROM", "");
        return builder;
    }
}
