package io.glomers.runtime;

/**
 * Published on the event loop once {@code init} has been accepted: right after {@code init_ok} was
 * sent, and before the next message is handled.
 */
public record NodeInitialized(Cluster cluster) {
}
