package io.glomers.bench.net;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Every message event of a run, in order: sent, received, or dropped by a partition (sent, never
 * received). Maelstrom's {@code :net} statistics come from its journal the same way. Owned by the
 * scheduler thread.
 */
public final class Journal {

    public enum Kind { SEND, RECV, DROP }

    /** One event; {@code time} in scheduler nanoseconds. */
    public record Entry(long time, Kind kind, Message message) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public void record(long time, Kind kind, Message message) {
        entries.add(new Entry(time, kind, message));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Counts as Maelstrom's {@code :net} does: all, clients (a client at either end), servers (server to server). */
    public NetCounts counts() {
        NetCounts.Builder all = new NetCounts.Builder();
        NetCounts.Builder clients = new NetCounts.Builder();
        NetCounts.Builder servers = new NetCounts.Builder();
        for (Entry entry : entries) {
            Message m = entry.message();
            NetCounts.Builder side = Endpoints.isClient(m.src()) || Endpoints.isClient(m.dest()) ? clients : servers;
            all.add(entry.kind());
            side.add(entry.kind());
        }
        return new NetCounts(all.build(), clients.build(), servers.build());
    }

    /** One line per event: {@code <nanos> <send|recv|drop> #<id> <src> -> <dest> <line>}; times relative to {@code origin}. */
    public void writeTo(Writer out, long origin) throws IOException {
        for (Entry entry : entries) {
            Message m = entry.message();
            out.write((entry.time() - origin) + " " + entry.kind().name().toLowerCase() + " #" + m.id() + " "
                    + m.src() + " -> " + m.dest() + " " + m.line() + "\n");
        }
    }
}
