package io.glomers.bench.cli;

import io.glomers.bench.options.Places;
import io.glomers.bench.options.Values;
import io.glomers.bench.serve.StoreServer;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bin/challenge serve [--port N] [--store DIR]}: the store's runs as web pages on 127.0.0.1, until interrupted. */
@Command(sortOptions = false, usageHelpAutoWidth = true, abbreviateSynopsis = true,
        description = "The store's runs as web pages on http://127.0.0.1:PORT/ (loopback only), until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", converter = Values.Port.class,
            description = "the port on 127.0.0.1 (1-65535; default ${DEFAULT-VALUE})")
    int port;

    // Checked when serving, not when parsing: picocli converts defaults even for --help, and a fresh
    // clone has no store/ until its first run.
    @Option(names = "--store", paramLabel = "DIR", defaultValue = "store",
            description = "the store to show, a folder that exists (default ${DEFAULT-VALUE}; a run makes it)")
    Path store;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;

    @Override
    public Integer call() throws InterruptedException {
        Places.ExistingFolder.check(spec, "--store", store);
        StoreServer server;
        try {
            server = StoreServer.start(store, port);
        } catch (BindException e) {
            System.err.println("challenge serve: port " + port + " on 127.0.0.1 is taken (" + e.getMessage()
                    + "); choose another with --port N");
            return 1;
        } catch (IOException e) {
            System.err.println("challenge serve: cannot serve: " + e);
            return 1;
        }
        System.out.println("serving " + store + " at " + server.uri() + "  (Ctrl-C stops)");
        System.out.flush();
        new CountDownLatch(1).await();
        return 0;
    }
}
