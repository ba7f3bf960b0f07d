package io.glomers.host;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;

/**
 * The shared JVM behind {@code bin/broadcast-node}: listens on a loopback port, and for each launcher
 * that connects runs a {@link HostedNode}. It writes {@code PORT SECRET} to its port file once it
 * listens, and exits when no node has run for {@code broadcast.host.idle} (default 10 s), removing the
 * port file first so that the next launcher starts a fresh host.
 *
 * <p>Not a Spring application itself: the host is a loop over sockets, and every node's context is
 * the node's own. It never writes to its own stdout.
 */
public final class NodeHost {

    public static final String PORT_FILE_PROPERTY = "broadcast.host.port-file";
    static final String IDLE_PROPERTY = "broadcast.host.idle";
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PAUSE_POLL = Duration.ofMillis(50);

    private final Supplier<SpringApplication> application;
    private final Path portFile;
    private final Duration idle;
    private final List<String> hostArguments;
    private final ThreadRoutedStream stderr;
    private final String secret;
    private final Set<HostedNode> running = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile long busyAt = System.nanoTime();

    NodeHost(Supplier<SpringApplication> application, Path portFile, Duration idle, List<String> hostArguments,
            ThreadRoutedStream stderr) {
        this.application = application;
        this.portFile = portFile;
        this.idle = idle;
        this.hostArguments = hostArguments;
        this.stderr = stderr;
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.secret = HexFormat.of().formatHex(random);
    }

    /** Whether {@code main} was asked to be a host rather than a node. */
    public static boolean requested() {
        return System.getProperty(PORT_FILE_PROPERTY) != null;
    }

    /**
     * Runs the host until it has been idle long enough. Each node is {@code application} (as {@code main}
     * would run it) with {@code arguments} before the node's own.
     */
    public static void run(Supplier<SpringApplication> application, String[] arguments) throws IOException {
        PrintStream hostErr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        ThreadRoutedStream routed = new ThreadRoutedStream(hostErr);
        PrintStream err = new PrintStream(routed, true, StandardCharsets.UTF_8);
        System.setErr(err);
        System.setOut(err);
        Duration idle = Duration.parse("PT" + System.getProperty(IDLE_PROPERTY, "10S"));
        new NodeHost(application, Path.of(System.getProperty(PORT_FILE_PROPERTY)), idle, List.of(arguments), routed).serve();
        System.exit(0);
    }

    void serve() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(250);
            publish(server.getLocalPort());
            sweepOldFiles();
            NodeHost.start(true, "host-pauses", this::followPauses);
            log("serving on 127.0.0.1:" + server.getLocalPort() + ", port file " + portFile);
            while (!idleLongEnough()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    busyAt = System.nanoTime();
                    NodeHost.start(false, "host-connection", () -> handle(socket));
                } catch (SocketTimeoutException e) {
                    // time to look at the idle clock
                }
            }
            // Launchers that find no port file start another host; ones already connected are served.
            Files.deleteIfExists(portFile);
        }
        log("idle for " + idle.toMillis() + " ms: exiting");
    }

    /** Logs and locks of hosts a day gone (each build and configuration has its own). */
    private void sweepOldFiles() throws IOException {
        long dayAgo = System.currentTimeMillis() - Duration.ofDays(1).toMillis();
        try (Stream<Path> files = Files.list(portFile.getParent())) {
            for (Path file : files.filter(path -> path.toString().endsWith(".log") || path.toString().endsWith(".lock")).toList()) {
                if (Files.getLastModifiedTime(file).toMillis() < dayAgo) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private boolean idleLongEnough() {
        return connections.get() == 0 && System.nanoTime() - busyAt > idle.toNanos();
    }

    private void publish(int port) throws IOException {
        Path written = portFile.resolveSibling(portFile.getFileName() + ".new");
        Files.writeString(written, port + " " + secret + "\n");
        Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void handle(Socket socket) {
        HostedNode node = null;
        try (socket) {
            socket.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            LaunchRequest request = LaunchRequest.read(in, secret);
            socket.setSoTimeout(0);
            node = new HostedNode(request, application, hostArguments, in, out, stderr);
            if (node.attach()) {
                running.add(node);
                HostedNode.Ending ending = node.run();
                stderr.routeCurrentThread(null);
                log("node of launcher " + request.pid() + " ended: " + ending);
            }
        } catch (IOException | RuntimeException e) {
            stderr.routeCurrentThread(null);
            log("a connection failed: " + e);
        } finally {
            if (node != null) {
                running.remove(node);
            }
            busyAt = System.nanoTime();
            connections.decrementAndGet();
        }
    }

    private void followPauses() {
        while (true) {
            running.forEach(HostedNode::followLauncherState);
            try {
                Thread.sleep(PAUSE_POLL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static Thread start(boolean daemon, String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(daemon);
        thread.start();
        return thread;
    }

    private void log(String line) {
        System.err.println("broadcast-node-host: " + line);
    }
}
