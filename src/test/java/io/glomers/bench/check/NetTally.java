package io.glomers.bench.check;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts messages as the bench's network delivers them, classified as Maelstrom's journal does:
 * a message with a client ({@code c...}) at either end counts under clients, any other under
 * servers. Thread-safe, since the simulated network may send and deliver from several threads.
 */
public final class NetTally {

    private final AtomicLong clientSends = new AtomicLong();
    private final AtomicLong clientRecvs = new AtomicLong();
    private final AtomicLong serverSends = new AtomicLong();
    private final AtomicLong serverRecvs = new AtomicLong();

    /** A message was handed to the network (counted even if a partition later drops it). */
    public void sent(String src, String dest) {
        (involvesClient(src, dest) ? clientSends : serverSends).incrementAndGet();
    }

    /** A message reached its destination. */
    public void received(String src, String dest) {
        (involvesClient(src, dest) ? clientRecvs : serverRecvs).incrementAndGet();
    }

    public NetStats snapshot(long clientOps) {
        long cs = clientSends.get();
        long cr = clientRecvs.get();
        long ss = serverSends.get();
        long sr = serverRecvs.get();
        // msg-count is the number of distinct messages, i.e. sends (see NetStats.Counts).
        return new NetStats(new NetStats.Counts(cs + ss, cr + sr, cs + ss),
                new NetStats.Counts(cs, cr, cs),
                new NetStats.Counts(ss, sr, ss),
                clientOps);
    }

    static boolean involvesClient(String src, String dest) {
        return isClient(src) || isClient(dest);
    }

    private static boolean isClient(String nodeId) {
        return nodeId != null && nodeId.startsWith("c");
    }
}
