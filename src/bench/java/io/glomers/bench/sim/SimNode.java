package io.glomers.bench.sim;

import io.glomers.runtime.Inbox;
import org.springframework.context.ConfigurableApplicationContext;

/** A real node (its Spring beans) living on virtual time, fed and read by the simulator. */
public final class SimNode {

    private final String id;
    private final ConfigurableApplicationContext context;
    private final VirtualEventLoop loop;
    private final Inbox inbox;

    SimNode(String id, ConfigurableApplicationContext context, VirtualEventLoop loop) {
        this.id = id;
        this.context = context;
        this.loop = loop;
        this.inbox = context.getBean(Inbox.class);
    }

    public String id() {
        return id;
    }

    /** A line arrives on the node's stdin. */
    public void deliver(String line) {
        inbox.accept(line);
    }

    /** SIGKILL: queued work and memory are gone, and no shutdown hook runs. */
    public void kill() {
        loop.kill();
    }

    /** End of input: the node shuts down normally. */
    public void stop() {
        loop.kill();
        context.close();
    }

    /** SIGSTOP: nothing runs; input and timers wait. */
    public void pause() {
        loop.pause();
    }

    /** SIGCONT. */
    public void resume() {
        loop.resume();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }
}
