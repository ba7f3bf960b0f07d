package io.glomers.runtime;

import java.nio.charset.StandardCharsets;

/** Where outgoing protocol lines go: stdout in production, the simulated network in the bench. */
@FunctionalInterface
public interface LineSink {

    /** Writes one complete line (without its newline). Must be safe to call from any thread. */
    void writeLine(String line);

    /**
     * The same, given as UTF-8 bytes, which is how the {@link Outbox} serialises: a sink that writes bytes
     * takes them as they are, and a large reply (a read of every value) is never built as a string.
     */
    default void writeLine(byte[] utf8Line) {
        writeLine(new String(utf8Line, StandardCharsets.UTF_8));
    }
}
