package io.glomers.bench.check;

import io.glomers.bench.history.Op;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * The {@code :net} section of results.edn: message counts over the whole run, for all messages,
 * for those with a client at either end, and for those between servers only.
 *
 * @param clientOps client operations invoked (broadcasts and reads, final reads included), the
 *                  divisor of {@code msgs-per-op}
 */
public record NetStats(Counts all, Counts clients, Counts servers, long clientOps) {

    /**
     * @param msgCount distinct messages. Maelstrom counts distinct message ids over sends and
     *                 receives; every message is sent exactly once, so this equals {@code sendCount}.
     */
    public record Counts(long sendCount, long recvCount, long msgCount) {
    }

    /** Counts sends and receipts as they happen (a message dropped by a partition is sent, never received). */
    public static final class Counter {
        private long sends;
        private long receipts;

        public void sent() {
            sends++;
        }

        public void received() {
            receipts++;
        }

        /** Every message is sent exactly once, so the distinct messages are the sends. */
        public Counts counts() {
            return new Counts(sends, receipts, sends);
        }
    }

    /** Maelstrom's divisor: every invocation in the history whose process is not the nemesis. */
    public static long clientOps(List<Op> history) {
        return history.stream().filter(op -> op.isClient() && op.type() == Op.Type.INVOKE).count();
    }

    /** {@code :all :msgs-per-op}; null when there were no operations (Maelstrom then omits the key). */
    public Float allMsgsPerOp() {
        return msgsPerOp(all);
    }

    /** {@code :servers :msgs-per-op}, the figure the broadcast challenge sets limits on. */
    public Float serversMsgsPerOp() {
        return msgsPerOp(servers);
    }

    /** {@link #serversMsgsPerOp()} for a figure on screen or in a table: 0 when there were no operations. */
    public double serversPerOp() {
        Float perOp = serversMsgsPerOp();
        return perOp == null ? 0 : perOp;
    }

    /** {@link #allMsgsPerOp()}, likewise. */
    public double allPerOp() {
        Float perOp = allMsgsPerOp();
        return perOp == null ? 0 : perOp;
    }

    /**
     * Clojure's {@code (float (/ msgs ops))}: the exact ratio, rounded to a double through a 16-digit
     * decimal (how {@code clojure.lang.Ratio} converts), then to a float. A float because that is
     * what Maelstrom prints, e.g. {@code 12.201005}.
     */
    private Float msgsPerOp(Counts counts) {
        if (clientOps == 0) {
            return null;
        }
        double ratio = new BigDecimal(counts.msgCount())
                .divide(new BigDecimal(clientOps), MathContext.DECIMAL64)
                .doubleValue();
        return (float) ratio;
    }
}
