package io.glomers.bench.nodes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A node as Maelstrom runs it: the executable as a child process started in the system temp
 * directory, protocol on its stdin/stdout, stderr to {@code node-logs/<id>.log}. A reader thread
 * hands stdout lines on; a writer thread feeds stdin so that a slow (or stopped) node never blocks
 * the scheduler. The kill nemesis SIGKILLs the process and later starts a new one through the same
 * launcher (its stderr appended to the same log); the pause nemesis SIGSTOPs and SIGCONTs it.
 */
public final class ProcessNode implements BenchNode {

    private static final String POISON = "\u0000close";

    private final String id;
    private final List<String> command;
    private final Path log;
    private final boolean sharedJvm;
    private Consumer<String> output;
    /** The running process, or null before start and while killed. */
    private volatile Incarnation current;
    private Incarnation last;

    public ProcessNode(String id, List<String> command, Path log) {
        this(id, command, log, false);
    }

    private ProcessNode(String id, List<String> command, Path log, boolean sharedJvm) {
        this.id = id;
        this.command = List.copyOf(command);
        this.log = log;
        this.sharedJvm = sharedJvm;
    }

    /** A factory running {@code executable} (plus {@code args}) for every node, a JVM each. */
    public static NodeFactory factory(Path executable, List<String> args) {
        return factory(executable, args, false);
    }

    /**
     * A factory running {@code executable} (plus {@code args}) for every node; {@code sharedJvm}: the
     * launcher's shared JVM allowed, as under real Maelstrom, whose costs the real-time bench must then
     * pay the same way (with a JVM per node, 25 JVMs crowd two cores and a client waits 30 ms where
     * Maelstrom answers in 17). Not for runs that kill or pause nodes (see {@link #launch}).
     */
    public static NodeFactory factory(Path executable, List<String> args, boolean sharedJvm) {
        List<String> command = new ArrayList<>();
        command.add(executable.toAbsolutePath().toString());
        command.addAll(args);
        return (id, logDir) -> new ProcessNode(id, command, logDir.resolve(id + ".log"), sharedJvm);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void start(Consumer<String> output) throws IOException {
        this.output = output;
        launch(Redirect.to(log.toFile()));
    }

    private void launch(Redirect stderr) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile())
                .redirectError(stderr);
        // A JVM per node when the bench kills or pauses node processes: a SIGSTOP stops a JVM at once, and a
        // node in the launcher's shared JVM (io.glomers.host) only when the host next looks (every 50 ms).
        // Real Maelstrom 0.2.4 has neither nemesis, so without them the nodes share a JVM, as there.
        if (!sharedJvm) {
            builder.environment().putIfAbsent("BROADCAST_NODE_SHARED_JVM", "0");
        }
        Process process = builder.start();
        ChildProcesses.register(process);
        Incarnation incarnation = new Incarnation(process);
        current = incarnation;
        last = incarnation;
        incarnation.startThreads();
    }

    @Override
    public void deliver(String line) {
        Incarnation incarnation = current;
        if (incarnation != null) {
            incarnation.input.add(line);
        }
        // A killed process reads nothing: the line is lost, as it would be on a dead pipe.
    }

    @Override
    public boolean supportsProcessFaults() {
        return true;
    }

    @Override
    public void kill() {
        Incarnation incarnation = current;
        if (incarnation == null) {
            return;
        }
        current = null;
        // SIGKILL: no shutdown hook runs, unflushed output is gone. The writer thread stops on the dead pipe.
        incarnation.process.descendants().forEach(ProcessHandle::destroyForcibly);
        incarnation.process.destroyForcibly();
        incarnation.input.add(POISON);
    }

    @Override
    public void restart() throws IOException {
        if (current != null) {
            throw new IllegalStateException(id + " is running; kill it first");
        }
        launch(Redirect.appendTo(log.toFile()));
    }

    @Override
    public void pause() {
        signal("-STOP");
    }

    @Override
    public void resume() {
        signal("-CONT");
    }

    /** ProcessHandle can only terminate, so SIGSTOP and SIGCONT go through kill(1); it takes a few ms. */
    private void signal(String signal) {
        Incarnation incarnation = current;
        if (incarnation == null || !incarnation.process.isAlive()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(incarnation.process.pid()))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + incarnation.process.pid() + " failed for " + id);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill " + signal + " for " + id, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + id, e);
        }
    }

    @Override
    public void close() {
        Incarnation incarnation = last;
        if (incarnation == null) {
            return;
        }
        Process process = incarnation.process;
        // A stopped process cannot read its end of input: continue it first (harmless otherwise).
        if (current != null) {
            resume();
        }
        // End of input is the polite way to stop a Maelstrom node; force it if it does not listen.
        incarnation.input.add(POISON);
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String deathCause() {
        Incarnation incarnation = current;
        return incarnation != null && !incarnation.process.isAlive()
                ? "exited with " + incarnation.process.exitValue() + ", see " + log : null;
    }

    /** One process of this node: a kill ends it, a restart makes the next. */
    private final class Incarnation {
        final Process process;
        final BlockingQueue<String> input = new LinkedBlockingQueue<>();

        Incarnation(Process process) {
            this.process = process;
        }

        void startThreads() {
            Thread reader = new Thread(this::read, id + "-stdout-" + process.pid());
            reader.setDaemon(true);
            reader.start();
            Thread writer = new Thread(this::write, id + "-stdin-" + process.pid());
            writer.setDaemon(true);
            writer.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.accept(line);
                }
            } catch (IOException e) {
                // The process is gone; nothing more will come.
            }
        }

        private void write() {
            OutputStream stdin = process.getOutputStream();
            try (stdin) {
                List<String> batch = new ArrayList<>();
                while (true) {
                    batch.add(input.take());
                    input.drainTo(batch);
                    for (String line : batch) {
                        if (line == POISON) {
                            return;
                        }
                        // To a stopped process this blocks once the pipe is full: the lines wait, as in Maelstrom.
                        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                    stdin.flush();
                    batch.clear();
                }
            } catch (IOException e) {
                // The node died or closed its stdin; what it misses is its own loss.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
