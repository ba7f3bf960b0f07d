package io.glomers.bench.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.glomers.bench.view.StoredRun;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The store as web pages, on the JDK's own HTTP server, on the loopback address only: {@code /} lists
 * the runs, {@code /runs/<path>/} shows one, {@code /files/<path>/<file>} serves its files,
 * {@code /latest} goes to the last run. Only files inside the store are served.
 */
public final class StoreServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of(
            "png", "image/png", "svg", "image/svg+xml", "html", "text/html; charset=utf-8",
            "edn", "text/plain; charset=utf-8", "log", "text/plain; charset=utf-8", "txt", "text/plain; charset=utf-8");

    private final RunIndex index;
    /** The store as the user named it ("store"), for the page's heading. */
    private final String name;
    private final HttpServer server;
    private final ExecutorService workers;

    private StoreServer(RunIndex index, String name, HttpServer server, ExecutorService workers) {
        this.index = index;
        this.name = name;
        this.server = server;
        this.workers = workers;
    }

    /** Serves {@code store} on 127.0.0.1:{@code port} (0: any free port). */
    public static StoreServer start(Path store, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        // A run page asks for its pictures at once; a few threads load them side by side.
        ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "serve");
            thread.setDaemon(true);
            return thread;
        });
        StoreServer serving = new StoreServer(new RunIndex(store), store.toString(), server, workers);
        server.createContext("/", serving::handle);
        server.setExecutor(workers);
        server.start();
        // Read the store once now, so the first page a browser asks for finds the classes loaded.
        workers.execute(serving::warmUp);
        return serving;
    }

    private void warmUp() {
        try {
            RunListPage.render(name, index.runs(), index.latest());
        } catch (RuntimeException e) {
            // The first request will meet the same problem, and report it.
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "GET only".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/")) {
                html(exchange, RunListPage.render(name, index.runs(), index.latest()));
            } else if (path.equals("/latest") || path.equals("/latest/")) {
                Optional<String> latest = index.latest();
                if (latest.isPresent()) {
                    exchange.getResponseHeaders().set("Location", "/runs/" + Page.pathHref(latest.get()) + "/");
                    send(exchange, 302, "text/plain; charset=utf-8", new byte[0]);
                } else {
                    notFound(exchange, "no store/latest yet");
                }
            } else if (path.startsWith("/runs/")) {
                Optional<StoredRun> run = index.run(trimSlashes(path.substring("/runs/".length())));
                if (run.isPresent()) {
                    html(exchange, RunPage.render(run.get()));
                } else {
                    notFound(exchange, "no run at " + path);
                }
            } else if (path.startsWith("/files/")) {
                file(exchange, path.substring("/files/".length()));
            } else {
                notFound(exchange, "nothing at " + path);
            }
        } catch (IOException | RuntimeException e) {
            send(exchange, 500, "text/plain; charset=utf-8", ("error: " + e).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void file(HttpExchange exchange, String relative) throws IOException {
        Path store = index.store();
        Path file = store.resolve(relative).normalize();
        // No way out of the store: not by "..", and not by a link that points elsewhere.
        if (!file.startsWith(store) || !Files.isRegularFile(file) || !file.toRealPath().startsWith(store.toRealPath())) {
            notFound(exchange, "no file " + relative);
            return;
        }
        String name = file.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        long size = Files.size(file);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(200, head ? -1 : size == 0 ? -1 : size);
        if (!head && size > 0) {
            try (OutputStream body = exchange.getResponseBody()) {
                Files.copy(file, body);
            }
        }
    }

    private static String trimSlashes(String path) {
        String trimmed = path;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static void html(HttpExchange exchange, String page) throws IOException {
        send(exchange, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    private static void notFound(HttpExchange exchange, String why) throws IOException {
        send(exchange, 404, "text/plain; charset=utf-8", why.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
