package io.glomers.broadcast;

/**
 * How the adaptive overlay spreads values for now, as the hub chose it and announces it in its
 * gossip. Origins follow the latest announcement they heard; a late or lost one costs messages or
 * latency for a while, never a value: delivery to the hub is confirmed and the hub fills gaps
 * whatever the shape.
 *
 * @param seq      increases with each choice of one hub process (a restarted hub starts over)
 * @param shape    the route a client's value takes
 * @param linger   how long an origin collects values before it sends them, in milliseconds
 * @param interval the hub's minimum time between two flushes, in milliseconds
 */
public record Plan(long seq, Shape shape, long linger, long interval) {

    /** The routes a client's value can take from its origin. */
    public enum Shape {
        /** Origin to every peer: one hop, N-1 messages per batch. */
        DIRECT,
        /** Origin to the hub, which batches and relays to every other node: two hops. */
        STAR,
        /**
         * The star, with every batch an origin has for the hub sent twice. Each copy takes its own
         * draw of the network's delay and the earlier counts: one message more per batch takes the
         * first hop off the tail, where a slow first hop would make a value late at every node.
         */
        STAR_TWICE,
        /**
         * Both at once: every node gets the value from the origin and again through the hub, and the
         * earlier copy counts. Pays where the delay has a heavy tail, since two independent paths
         * rarely are both slow.
         */
        BOTH;

        /** Whether the origin sends its clients' values to every peer itself. */
        boolean fansOut() {
            return this != STAR && this != STAR_TWICE;
        }

        /** Whether the hub passes an origin's values on to every other node. */
        boolean relays() {
            return this != DIRECT;
        }

        /** How many copies of each batch an origin sends the hub (when it has one for the hub). */
        int hubCopies() {
            return this == STAR_TWICE ? 2 : 1;
        }
    }

    public Plan {
        if (shape == null || linger < 0 || interval < 0) {
            throw new IllegalArgumentException("malformed plan: shape " + shape + ", linger " + linger + ", interval " + interval);
        }
    }

    /** The same route and timings under another sequence number. */
    Plan numbered(long next) {
        return new Plan(next, shape, linger, interval);
    }

    /** For the log: the route and its timings in words. */
    String describe() {
        return switch (shape) {
            case DIRECT -> "direct, origin linger " + linger + " ms";
            case STAR -> "star, origin linger " + linger + " ms, hub interval " + interval + " ms";
            case STAR_TWICE -> "star with each batch sent to the hub twice, origin linger " + linger + " ms, hub interval "
                    + interval + " ms";
            case BOTH -> "direct and through the hub, origin linger " + linger + " ms, hub interval " + interval + " ms";
        };
    }
}
