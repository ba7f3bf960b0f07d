package io.glomers.bench.sim;

import io.glomers.bench.nodes.BenchNode;
import io.glomers.bench.nodes.NodeFactory;
import io.glomers.broadcast.MessageStore;
import java.util.function.Consumer;

/** A simulated node as the bench's network sees it. */
public final class SimBenchNode implements BenchNode {

    private final String id;
    private final SimNodeFactory factory;
    private final VirtualTime time;
    private final long seed;
    private SimNode node;

    private SimBenchNode(String id, SimNodeFactory factory, VirtualTime time, long seed) {
        this.id = id;
        this.factory = factory;
        this.time = time;
        this.seed = seed;
    }

    /** Nodes on the scheduler's virtual time; each node's randomness is drawn from the run's seed. */
    public static NodeFactory factory(SimNodeFactory factory, VirtualScheduler scheduler, long runSeed) {
        return (id, logDir) -> new SimBenchNode(id, factory, scheduler.time(), runSeed * 31 + id.hashCode());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void start(Consumer<String> output) {
        node = factory.start(id, time, seed, output);
    }

    @Override
    public void deliver(String line) {
        node.deliver(line);
    }

    @Override
    public void close() {
        if (node != null) {
            node.stop();
        }
    }

    // Swarm addition (issue 8): the convergence probe reads the node's store without messaging it.

    /** Whether the running node holds {@code value}; false before it starts. */
    boolean holds(long value) {
        return node != null && node.bean(MessageStore.class).contains(value);
    }
}
