package io.glomers.runtime;

/** Published on the event loop once {@code init} has been accepted, before {@code init_ok} is sent. */
public record NodeInitialized(Cluster cluster) {
}
