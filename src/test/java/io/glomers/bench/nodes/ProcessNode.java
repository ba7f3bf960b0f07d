package io.glomers.bench.nodes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
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
 * hands stdout lines on; a writer thread feeds stdin so that a slow node never blocks the scheduler.
 */
public final class ProcessNode implements BenchNode {

    private static final String POISON = "\u0000close";

    private final String id;
    private final List<String> command;
    private final Path log;
    private final BlockingQueue<String> input = new LinkedBlockingQueue<>();
    private Process process;

    public ProcessNode(String id, List<String> command, Path log) {
        this.id = id;
        this.command = List.copyOf(command);
        this.log = log;
    }

    /** A factory running {@code executable} (plus {@code args}) for every node. */
    public static NodeFactory factory(Path executable, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toAbsolutePath().toString());
        command.addAll(args);
        return (id, logDir) -> new ProcessNode(id, command, logDir.resolve(id + ".log"));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void start(Consumer<String> output) throws IOException {
        process = new ProcessBuilder(command)
                .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile())
                .redirectError(log.toFile())
                .start();
        ChildProcesses.register(process);
        Thread reader = new Thread(() -> read(output), id + "-stdout");
        reader.setDaemon(true);
        reader.start();
        Thread writer = new Thread(this::write, id + "-stdin");
        writer.setDaemon(true);
        writer.start();
    }

    private void read(Consumer<String> output) {
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

    @Override
    public void deliver(String line) {
        input.add(line);
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        // End of input is the polite way to stop a Maelstrom node; force it if it does not listen.
        input.add(POISON);
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
        return process != null && !process.isAlive() ? "exited with " + process.exitValue() + ", see " + log : null;
    }
}
