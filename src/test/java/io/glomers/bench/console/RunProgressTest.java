package io.glomers.bench.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.history.Op;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RunProgressTest {

    private final AtomicLong clock = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private RunProgress progress(Terminal terminal) {
        return new RunProgress("3b", Duration.ofSeconds(20), Duration.ofSeconds(10), new StatusLine(err, terminal), err,
                clock::get);
    }

    private static void client(RunProgress progress, int index, Op.Type type, int process, String f) {
        progress.recorded(new Op(index, 0, type, process, f, null, false));
    }

    @Test
    void theTextGivesElapsedOfTotalAndTheOutcomesSoFar() {
        try (RunProgress progress = progress(Terminal.PLAIN)) {
            assertThat(progress.text(RunProgress.Phase.SETUP)).startsWith("bench 3b: starting the nodes");
            progress.workloadStarted(0);
            client(progress, 0, Op.Type.INVOKE, 0, "broadcast");
            client(progress, 1, Op.Type.OK, 0, "broadcast");
            client(progress, 2, Op.Type.INVOKE, 1, "read");
            client(progress, 3, Op.Type.INFO, 1, "read");
            client(progress, 4, Op.Type.INVOKE, 2, "read");
            progress.recorded(new Op(5, 0, Op.Type.INFO, Op.NEMESIS, "start-partition", ":one", false));
            clock.set(12_345_000_000L);

            assertThat(progress.text(RunProgress.Phase.WORKLOAD))
                    .isEqualTo("bench 3b: 12.3 s of 30 s (workload) | 3 ops: 1 ok, 0 fail, 1 info");
            clock.set(31_000_000_000L);
            assertThat(progress.text(RunProgress.Phase.RECOVERY)).contains("(final reads)");
        }
    }

    @Test
    void offATerminalAPlainLineComesEveryFiveSecondsOfTheRun() throws InterruptedException {
        try (RunProgress progress = progress(Terminal.PLAIN)) {
            progress.workloadStarted(0);
            clock.set(4_900_000_000L);
            assertThat(awaitLines(1, Duration.ofMillis(600))).as("before 5 s").isEmpty();
            clock.set(5_100_000_000L);
            assertThat(awaitLines(1, Duration.ofSeconds(5))).containsExactly(
                    "bench 3b: 5.1 s of 30 s (workload) | 0 ops: 0 ok, 0 fail, 0 info");
            clock.set(10_000_000_000L);
            assertThat(awaitLines(2, Duration.ofSeconds(5))).hasSize(2);
        }
    }

    @Test
    void onATerminalTheStatusIsRedrawnAndClearedAtTheEnd() throws InterruptedException {
        RunProgress progress = progress(new Terminal(true, 200));
        progress.workloadStarted(0);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!text().contains("(workload)") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        progress.close();

        assertThat(text()).contains("\r\033[Kbench 3b: 0.0 s of 30 s (workload)").endsWith("\r\033[K").doesNotContain("\n");
    }

    /** Polls the plain lines written until there are {@code n} or the time is up. */
    private List<String> awaitLines(int n, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (lines().size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return lines();
    }

    private List<String> lines() {
        String text = text();
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
