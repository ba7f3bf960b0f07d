package io.glomers.broadcast;

import io.glomers.runtime.EventLoop;
import org.springframework.stereotype.Component;

/**
 * How often this node's clients read. The adaptive overlay's hub plans with it: Maelstrom's checker
 * takes a value's latency from the last read that missed it, so how often clients look is part of
 * what a plan's latency is. Reads are counted from the clients' first request (Maelstrom's clients
 * start when the last node has, seconds after the first at 25 JVMs, and the wait would read as a low
 * rate), which only starts the count (counted, one read over a few milliseconds would be a rate). An
 * origin's report runs to its clients' latest request, not to now: it leaves as the origin forwards a
 * broadcast, and a count that ran to that broadcast would always end on a request that is not a read
 * (at 3d's first plan, half the rate). Event loop only.
 */
@Component
public class ClientReads {

    private final EventLoop loop;
    private final ArrivalRate rate = new ArrivalRate();
    private long latestRequestAt;

    public ClientReads(EventLoop loop) {
        this.loop = loop;
    }

    /** A client's value was taken; called once it was passed on, so the report that leaves with it ends before it. */
    void broadcast() {
        request(false);
    }

    /** A client read this node's values. */
    void read() {
        request(true);
    }

    private void request(boolean read) {
        long now = loop.currentTimeMillis();
        if (read && rate.watching()) {
            rate.arrived(now);
        } else {
            rate.watchFrom(now);
        }
        latestRequestAt = now;
    }

    /**
     * The reads in the window up to the latest request, and how long the window watched until then, as
     * this node tells the hub; none before the clients' first request.
     */
    long[] countAndMillis() {
        return countAndMillis(latestRequestAt);
    }

    /**
     * The same up to now, for the hub's own clients: it plans at moments that do not depend on what its
     * clients ask, and at low rates its clients' latest request is often their first (no time watched).
     */
    long[] countAndMillisUntilNow() {
        return countAndMillis(loop.currentTimeMillis());
    }

    private long[] countAndMillis(long until) {
        return rate.watching() ? new long[] {rate.count(until), rate.watched(until)} : null;
    }
}
