package io.glomers.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The operating-system process this node answers for: the JVM itself when the node runs alone, the
 * launcher's process when a {@code NodeHost} runs it beside others. Maelstrom's start-up deadlines run
 * from this process's start, and a run (whose acknowledgement journals a restarted node finds again)
 * is the lifetime of this process's parent: Maelstrom or the bench, which outlive a node's restarts.
 */
public record NodeProcess(ProcessHandle handle) {

    public static NodeProcess current() {
        return new NodeProcess(ProcessHandle.current());
    }

    /** When this process started, on the {@code nanoTime} scale: under load a JVM takes seconds to reach main. */
    public long startNanos() {
        long now = System.nanoTime();
        return handle.info().startInstant()
                .map(start -> now - Math.max(0, Duration.between(start, Instant.now()).toNanos()))
                .orElse(now);
    }

    /** The run this process belongs to: its parent's pid and start time. */
    public String runId() {
        return handle.parent().map(NodeProcess::lifetimeOf).orElse("orphan");
    }

    /** Whether the process a {@link #runId()} names is still the one running. */
    public static boolean isRunning(String runId) {
        String[] parts = runId.split("-", 2);
        if (parts.length != 2 || !parts[0].matches("\\d{1,18}")) {
            return false;
        }
        return ProcessHandle.of(Long.parseLong(parts[0])).map(NodeProcess::lifetimeOf).filter(runId::equals).isPresent();
    }

    private static String lifetimeOf(ProcessHandle process) {
        Optional<Instant> started = process.info().startInstant();
        return process.pid() + "-" + started.map(Instant::toEpochMilli).orElse(0L);
    }
}
