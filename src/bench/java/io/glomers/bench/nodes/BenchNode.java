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

    /**
     * Whether {@link #kill}, {@link #restart}, {@link #pause} and {@link #resume} work: a child
     * process or a simulated node, not a Spring context sharing the bench's JVM.
     */
    default boolean supportsProcessFaults() {
        return false;
    }

    /** SIGKILL: the node loses its memory at once, and lines delivered until {@link #restart} are dropped. */
    default void kill() {
        throw new UnsupportedOperationException(id() + " cannot be killed (kill needs process mode or the simulator)");
    }

    /** Starts a fresh node after {@link #kill}, writing to the {@code output} of {@link #start}; it awaits init. */
    default void restart() throws Exception {
        throw new UnsupportedOperationException(id() + " cannot be restarted (kill needs process mode or the simulator)");
    }

    /** SIGSTOP: the node runs nothing; lines delivered meanwhile wait for {@link #resume}. No-op while killed. */
    default void pause() {
        throw new UnsupportedOperationException(id() + " cannot be paused (pause needs process mode or the simulator)");
    }

    /** SIGCONT; harmless on a node that is not paused. */
    default void resume() {
        throw new UnsupportedOperationException(id() + " cannot be resumed (pause needs process mode or the simulator)");
    }

    /** Stops the node and frees its resources. */
    @Override
    void close();
}
