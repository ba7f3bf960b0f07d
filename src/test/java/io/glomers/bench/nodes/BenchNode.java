package io.glomers.bench.nodes;

import java.util.function.Consumer;

/**
 * A node under test as the network sees it: lines in, lines out. Implementations: a child process
 * ({@link ProcessNode}), a Spring context in this JVM ({@link InProcessNode}), or a hand-written fake.
 */
public interface BenchNode extends AutoCloseable {

    String id();

    /** Starts the node; every line it writes on its stdout goes to {@code output}, from any thread. */
    void start(Consumer<String> output) throws Exception;

    /** Hands the node one input line. Must not block for long: it is called on the scheduler thread. */
    void deliver(String line);

    /** Why the node can no longer serve (e.g. "exited with 1"), or null while it is alive. */
    default String deathCause() {
        return null;
    }

    /** Stops the node and frees its resources. */
    @Override
    void close();
}
