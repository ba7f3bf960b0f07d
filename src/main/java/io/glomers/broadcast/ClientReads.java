package io.glomers.broadcast;

import io.glomers.runtime.EventLoop;
import org.springframework.stereotype.Component;

/**
 * How often this node's clients read. The adaptive overlay's hub plans with it: Maelstrom's checker
 * takes a value's latency from the last read that missed it, so how often clients look is part of
 * what a plan's latency is. Reads are counted from the clients' first request on, not from the node's
 * start: Maelstrom's clients start when the last node has, seconds after the first at 25 JVMs, and the
 * wait would read as a low rate. The first request itself only starts the count, whatever it is; counted,
 * a read would make one read over a few milliseconds a rate. Event loop only.
 */
@Component
public class ClientReads {

    private final EventLoop loop;
    private final ArrivalRate rate = new ArrivalRate();

    public ClientReads(EventLoop loop) {
        this.loop = loop;
    }

    /** A client asked this node to take a value. */
    void broadcast() {
        rate.watchFrom(loop.currentTimeMillis());
    }

    /** A client read this node's values. */
    void read() {
        long now = loop.currentTimeMillis();
        if (rate.watching()) {
            rate.arrived(now);
        } else {
            rate.watchFrom(now);
        }
    }

    /** The reads in the window and how long it has watched, as this node tells the hub; none before the clients' first request. */
    long[] countAndMillis() {
        long now = loop.currentTimeMillis();
        return rate.watching() ? new long[] {rate.count(now), rate.watched(now)} : null;
    }
}
