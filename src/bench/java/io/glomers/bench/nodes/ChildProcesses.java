package io.glomers.bench.nodes;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every node process the bench started, so that none outlives it: one shutdown hook (normal exit,
 * Ctrl-C, SIGTERM) kills whatever is still running.
 */
public final class ChildProcesses {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killAll, "kill-node-processes"));
    }

    private ChildProcesses() {
    }

    static void register(Process process) {
        RUNNING.add(process);
        process.onExit().thenRun(() -> RUNNING.remove(process));
    }

    public static void killAll() {
        for (Process process : RUNNING) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
