package io.glomers.bench.serve;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/challenge serve [--port N] [--store DIR]}: the store's runs as web pages on
 * http://127.0.0.1:N/ (default 8080), loopback only, until interrupted.
 */
public final class ServeMain {

    static final String USAGE = """
            usage: challenge serve [--port N] [--store DIR]
              --port N      the port on 127.0.0.1 (default 8080; 0: any free port)
              --store DIR   the store to show (default store)
            """;

    private ServeMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = 8080;
        Path store = Path.of("store");
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--store" -> store = Path.of(args[++i]);
                    case "--help", "-h" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            System.err.print("challenge serve: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }
        StoreServer server;
        try {
            server = StoreServer.start(store, port);
        } catch (BindException e) {
            System.err.println("challenge serve: port " + port + " on 127.0.0.1 is taken (" + e.getMessage()
                    + "); choose another with --port N");
            System.exit(1);
            return;
        } catch (IOException e) {
            System.err.println("challenge serve: cannot serve: " + e);
            System.exit(1);
            return;
        }
        System.out.println("serving " + store + " at " + server.uri() + "  (Ctrl-C stops)");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
