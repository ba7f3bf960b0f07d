package io.glomers.bench.net;

import io.glomers.bench.check.NetStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Every message event of a run, in order: sent, received, or dropped by a partition (sent, never
 * received). Maelstrom's {@code :net} statistics come from its journal the same way. Events are
 * streamed to a writer as they happen (a gossip-heavy 25-node run sends far too many messages to
 * keep), and only the counts stay in memory. Owned by the scheduler thread.
 */
public final class MessageLog {

    public enum Kind { SEND, RECV, DROP }

    private final Writer out;
    private final long zero;
    private final NetStats.Counter all = new NetStats.Counter();
    private final NetStats.Counter clients = new NetStats.Counter();
    private final NetStats.Counter servers = new NetStats.Counter();

    /**
     * @param out  where events go, one line each: {@code <ns> <send|recv|drop> #<id> <src> -> <dest> <line>}
     * @param zero the scheduler time that journal times count from
     */
    public MessageLog(Writer out, long zero) {
        this.out = out;
        this.zero = zero;
    }

    /** A journal that only counts. */
    public MessageLog() {
        this(Writer.nullWriter(), 0);
    }

    public void record(long time, Kind kind, Message message) {
        boolean client = Endpoints.isClient(message.src()) || Endpoints.isClient(message.dest());
        count(all, kind);
        count(client ? clients : servers, kind);
        write((time - zero) + " " + kind.name().toLowerCase() + " #" + message.id() + " " + message.src() + " -> "
                + message.dest() + " " + message.line() + "\n");
    }

    /** A comment line, e.g. where the workload (history time 0) begins. */
    public void note(long time, String text) {
        write((time - zero) + " # " + text + "\n");
    }

    private static void count(NetStats.Counter counter, Kind kind) {
        if (kind == Kind.SEND) {
            counter.sent();
        } else if (kind == Kind.RECV) {
            counter.received();
        }
    }

    /**
     * Counts as Maelstrom's {@code :net} does: all, clients (a client at either end), servers (server
     * to server); {@code clientOps} is the divisor of its msgs-per-op.
     */
    public NetStats counts(long clientOps) {
        return new NetStats(all.counts(), clients.counts(), servers.counts(), clientOps);
    }

    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not finish the message journal", e);
        }
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the message journal", e);
        }
    }
}
