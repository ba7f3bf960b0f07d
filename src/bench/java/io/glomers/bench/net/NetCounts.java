package io.glomers.bench.net;

/** Message counts of a run in Maelstrom's {@code :net} shape (before dividing by the operation count). */
public record NetCounts(Traffic all, Traffic clients, Traffic servers) {

    /** Sends, receipts, and distinct messages (each message is sent once, so that equals the sends). */
    public record Traffic(long sendCount, long recvCount, long msgCount) {

        /** Messages per client operation, as Maelstrom's {@code :msgs-per-op}. */
        public double msgsPerOp(long operations) {
            return operations == 0 ? 0.0 : (double) msgCount / operations;
        }
    }

    static final class Builder {
        private long send;
        private long recv;

        void add(Journal.Kind kind) {
            if (kind == Journal.Kind.SEND) {
                send++;
            } else if (kind == Journal.Kind.RECV) {
                recv++;
            }
        }

        Traffic build() {
            return new Traffic(send, recv, send);
        }
    }
}
