package io.glomers.bench.plant;

/**
 * Sits between one simulated node and the network and changes what the node writes or reads, the
 * way a planted bug would change what it does. One per node id: it outlives a kill and restart.
 */
public interface LineFilter {

    /** The node as it is. */
    LineFilter PASS = new LineFilter() {
    };

    /** A line the node writes; what goes on the network instead, or null for nothing. */
    default String out(String line) {
        return line;
    }

    /** A line the network delivers; what the node reads instead, or null for nothing. */
    default String in(String line) {
        return line;
    }

    /** The node was killed and a new process starts under the same id. */
    default void restarted() {
    }
}
