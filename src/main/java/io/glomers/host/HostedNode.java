package io.glomers.host;

import io.glomers.runtime.CrashPolicy;
import io.glomers.runtime.EarlyStdin;
import io.glomers.runtime.HostedProcess;
import io.glomers.runtime.NodeLifecycle;
import io.glomers.runtime.NodeProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One node of a {@link NodeHost}: a Spring context of its own, as {@code main} would start it, on
 * its launcher's stdin, stdout and stderr. It ends as the process would have: at the end of its
 * input (exit 0), at the launcher's SIGTERM (graceful, 143), or, when the launcher is killed, at
 * once and keeping its acknowledgement journal, as a SIGKILL leaves it.
 */
final class HostedNode {

    /** How a hosted node ends, and the status its launcher exits with. */
    enum Ending {
        INPUT_ENDED(0), TERMINATED(143), KILLED(137), FAILED(1), CRASHED(CrashPolicy.FATAL_STATUS);

        final int status;

        Ending(int status) {
            this.status = status;
        }
    }

    private static final Object STARTING = new Object();
    /** How long after its input ended a launcher's connection may still drop for a kill (see endOfInput). */
    private static final Duration KILL_GRACE = Duration.ofSeconds(1);

    private final LaunchRequest request;
    private final Supplier<SpringApplication> application;
    private final List<String> hostArguments;
    private final BufferedReader control;
    private final Writer controlOut;
    private final ThreadRoutedStream stderr;
    private final PauseGate pause = new PauseGate();
    private final CompletableFuture<Ending> ending = new CompletableFuture<>();
    /** The launcher's stdin, stdout and stderr, in that order, once attached. */
    private final List<FileChannel> streams = new ArrayList<>();
    /** The launcher's process, once attached. */
    private NodeProcess process;

    HostedNode(LaunchRequest request, Supplier<SpringApplication> application, List<String> hostArguments,
            BufferedReader control, Writer controlOut, ThreadRoutedStream stderr) {
        this.request = request;
        this.application = application;
        this.hostArguments = hostArguments;
        this.control = control;
        this.controlOut = controlOut;
        this.stderr = stderr;
    }

    long pid() {
        return request.pid();
    }

    /** Opens the launcher's standard streams; false (and the launcher told why) when they cannot be. */
    boolean attach() {
        Optional<ProcessHandle> launcher = ProcessHandle.of(pid());
        if (launcher.isEmpty()) {
            reply("refused no process " + pid());
            return false;
        }
        try {
            streams.add(open(0, StandardOpenOption.READ));
            streams.add(open(1, StandardOpenOption.APPEND));
            streams.add(open(2, StandardOpenOption.APPEND));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            closeStreams();
            reply("refused cannot open the launcher's standard streams through /proc: " + e);
            return false;
        }
        process = new NodeProcess(launcher.get());
        return true;
    }

    /** Runs the node until it ends; returns how it ended. Call after a successful {@link #attach()}. */
    Ending run() {
        FileChannel in = streams.get(0);
        OutputStream out = pause.gate(Channels.newOutputStream(streams.get(1)));
        stderr.routeCurrentThread(Channels.newOutputStream(streams.get(2)));
        reply("ok");
        NodeHost.start(true, "launcher-" + pid(), this::watchLauncher);
        Ending ended;
        ConfigurableApplicationContext context = null;
        try {
            InputStream input = pause.gate(Channels.newInputStream(in));
            EarlyStdin early = EarlyStdin.start(input, out, EarlyStdin.Deadlines.MAELSTROM, process);
            context = start(early, new HostedProcess(process, out, () -> ending.complete(Ending.CRASHED)));
            NodeLifecycle lifecycle = context.getBean(NodeLifecycle.class);
            NodeHost.start(true, "input-" + pid(), () -> ending.complete(endOfInput(lifecycle)));
            ended = awaitEnding();
            if (ended == Ending.KILLED || ended == Ending.CRASHED) {
                lifecycle.abandon();
                closeStreams();
            }
        } catch (RuntimeException e) {
            new PrintStream(stderr, true, StandardCharsets.UTF_8).println("broadcast-node: the node could not start: " + e);
            ended = ending.isDone() ? awaitEnding() : Ending.FAILED;
        } finally {
            // A node killed while paused has threads waiting at the gate: let them meet the closed streams.
            pause.set(false);
            if (context != null) {
                context.close();
            }
            closeStreams();
        }
        reply("exit " + ended.status);
        return ended;
    }

    /** Whether the launcher is stopped (SIGSTOP): then the node reads and writes nothing. */
    void followLauncherState() {
        char state = launcherState();
        boolean stopped = state == 'T' || state == 't';
        if (stopped != pause.isPaused()) {
            pause.set(stopped);
            System.err.println("broadcast-node-host: launcher " + pid() + (stopped ? " stopped: its node reads and writes nothing"
                    : " continued: its node reads and writes again"));
        }
    }

    /**
     * Why the input ended. A killed launcher's parent closes the launcher's stdin as it kills it (Java's
     * {@code Process.destroyForcibly} does: the bench, Maelstrom, the tests), and that end of input can reach
     * the node before the launcher's dropped connection does. A launcher whose input really ended stays alive,
     * waiting for its node's status; so the connection gets {@link #KILL_GRACE} to drop, and a launcher
     * gone or dead after it was killed too: its node keeps its journal.
     */
    private Ending endOfInput(NodeLifecycle lifecycle) {
        if (lifecycle.awaitEndOfInput() != 0) {
            return Ending.FAILED;
        }
        try {
            return ending.get(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            char state = launcherState();
            return process.handle().isAlive() && state != 'Z' && state != 'X' && state != '?' ? Ending.INPUT_ENDED : Ending.KILLED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Ending.FAILED;
        } catch (ExecutionException e) {
            return Ending.FAILED;
        }
    }

    /** The launcher's state letter in {@code /proc/PID/stat} (R, S, T, Z...), or '?' when it cannot be read. */
    private char launcherState() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
            // pid (comm) state ...: comm may hold spaces and parentheses, the state follows the last ')'.
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException | RuntimeException e) {
            return '?';
        }
    }

    private ConfigurableApplicationContext start(EarlyStdin early, HostedProcess hosted) {
        SpringApplication application = this.application.get();
        // Spring finds the application class on the stack of main; a host's thread has no main.
        application.setMainApplicationClass((Class<?>) application.getAllSources().iterator().next());
        application.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("earlyStdin", early);
            context.getBeanFactory().registerSingleton("hostedProcess", hosted);
        });
        List<String> arguments = new ArrayList<>(hostArguments);
        arguments.addAll(request.arguments());
        // One start at a time: each start sets up logging, which is one per JVM (Logback's context), and
        // two at once break each other's set-up. On two cores little is lost: each start is CPU-bound.
        synchronized (STARTING) {
            return application.run(arguments.toArray(String[]::new));
        }
    }

    /** The launcher says "term" on SIGTERM or SIGINT, and its connection ends when it is killed. */
    private void watchLauncher() {
        try {
            String line;
            while ((line = control.readLine()) != null) {
                if (line.equals("term")) {
                    ending.complete(Ending.TERMINATED);
                }
            }
        } catch (IOException e) {
            // as good as a hang-up
        }
        ending.complete(Ending.KILLED);
    }

    private Ending awaitEnding() {
        try {
            return ending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Ending.FAILED;
        } catch (ExecutionException e) {
            return Ending.FAILED;
        }
    }

    private FileChannel open(int fd, StandardOpenOption mode) throws IOException {
        return FileChannel.open(Path.of("/proc", Long.toString(pid()), "fd", Integer.toString(fd)), mode);
    }

    /** Output first: a reader woken by its channel's close has nobody left to tell. */
    private void closeStreams() {
        for (int i = streams.size() - 1; i >= 0; i--) {
            try {
                streams.get(i).close();
            } catch (IOException ignored) {
                // closing on the way out
            }
        }
    }

    private void reply(String line) {
        try {
            controlOut.write(line + "\n");
            controlOut.flush();
        } catch (IOException ignored) {
            // the launcher is gone: its watcher has seen it
        }
    }
}
