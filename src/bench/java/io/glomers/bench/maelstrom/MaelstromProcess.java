package io.glomers.bench.maelstrom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One {@code maelstrom test} run in a working folder of its own: everything Maelstrom prints goes to a
 * log file, and the phase it has reached (read off its log lines) and its last error lines are kept for
 * progress and for a run that ends without results.
 */
public final class MaelstromProcess {

    /**
     * Maelstrom's log lines that start a phase (logger, then message: "jepsen.core Relative time begins now" on
     * its console, "jepsen.core: Relative ..." in jepsen.log), and the phase's name.
     */
    private static final Map<Pattern, String> PHASES = Map.of(
            phase("jepsen.db", "Setting up DB"), "starting nodes",
            phase("jepsen.core", "Relative time begins now"), "workload",
            phase("jepsen.generator.interpreter", "Waiting for recovery"), "recovery wait",
            phase("jepsen.core", "Run complete"), "writing the history",
            phase("jepsen.core", "Analyzing"), "checking");
    /** Level WARN or ERROR (a line's first word on the console, a tab-separated field in jepsen.log), or an exception. */
    private static final Pattern TROUBLE = Pattern.compile("^WARN |^ERROR |\tWARN\t|\tERROR\t|Exception|Caused by");
    private static final int TROUBLE_KEPT = 3;

    private final Process process;
    private final Path workDir;
    private final Thread pump;
    private final Deque<String> trouble = new ArrayDeque<>();
    private volatile String phase = "starting Maelstrom";

    private MaelstromProcess(Process process, Path workDir, Path log) {
        this.process = process;
        this.workDir = workDir;
        this.pump = new Thread(() -> pump(log), "maelstrom-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts {@code command} in {@code workDir} (created if missing), its output to {@code log}. */
    public static MaelstromProcess start(List<String> command, Path workDir, Path log) throws IOException {
        Files.createDirectories(workDir);
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        return new MaelstromProcess(process, workDir, log);
    }

    private static Pattern phase(String logger, String message) {
        return Pattern.compile(Pattern.quote(logger) + ":? " + Pattern.quote(message));
    }

    public String phase() {
        return phase;
    }

    /** Waits for Maelstrom to end (and for its output to be written); its exit status, or -1 when out of time. */
    public int await(long timeout, TimeUnit unit) throws InterruptedException {
        if (!process.waitFor(timeout, unit)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            pump.join();
            return -1;
        }
        pump.join();
        return process.exitValue();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The run's folder ({@code store/latest} of the working folder), once Maelstrom has made it. */
    public Optional<Path> runDir() throws IOException {
        Path latest = workDir.resolve("store").resolve("latest");
        return Files.isDirectory(latest) ? Optional.of(latest.toRealPath()) : Optional.empty();
    }

    /** The last few lines of Maelstrom's output at level WARN or ERROR, or naming an exception. */
    public synchronized List<String> trouble() {
        return List.copyOf(trouble);
    }

    private void pump(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                out.println(line);
                note(line);
            }
        } catch (IOException e) {
            note("error: reading Maelstrom's output failed: " + e);
        }
    }

    private synchronized void note(String line) {
        PHASES.forEach((marker, name) -> {
            if (marker.matcher(line).find()) {
                phase = name;
            }
        });
        if (TROUBLE.matcher(line).find() && !line.isBlank()) {
            trouble.addLast(line.strip().length() > 240 ? line.strip().substring(0, 240) + "…" : line.strip());
            if (trouble.size() > TROUBLE_KEPT) {
                trouble.removeFirst();
            }
        }
    }
}
