package io.glomers.runtime;

/** Where outgoing protocol lines go: stdout in production, the simulated network in the bench. */
@FunctionalInterface
public interface LineSink {

    /** Writes one complete line (without its newline). Must be safe to call from any thread. */
    void writeLine(String line);
}
