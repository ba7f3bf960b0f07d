package io.glomers.bench.net;

/** A protocol violation by a node: the run is invalid. {@code time} in scheduler nanoseconds. */
public record Violation(long time, String node, String reason) {

    @Override
    public String toString() {
        return node + ": " + reason;
    }
}
