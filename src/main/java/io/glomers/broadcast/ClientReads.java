package io.glomers.broadcast;

import io.glomers.runtime.EventLoop;
import org.springframework.stereotype.Component;

/**
 * How often this node's clients read. The adaptive overlay's hub plans with it: Maelstrom's checker
 * takes a value's latency from the last read that missed it, so how often clients look is part of
 * what a plan's latency is. Event loop only.
 */
@Component
public class ClientReads {

    private final EventLoop loop;
    private final ArrivalRate rate = new ArrivalRate();

    public ClientReads(EventLoop loop) {
        this.loop = loop;
    }

    void read() {
        rate.arrived(loop.currentTimeMillis());
    }

    double perSecond() {
        return rate.perSecond(loop.currentTimeMillis());
    }
}
