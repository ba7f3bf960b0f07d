package io.glomers.bench.sim;

import io.glomers.bench.nodes.BenchNode;
import io.glomers.bench.nodes.NodeFactory;
import io.glomers.bench.plant.LineFilter;
import io.glomers.bench.plant.Plant;
import io.glomers.bench.sched.HostCosts;
import io.glomers.bench.sched.HostCpu;
import io.glomers.bench.sched.VirtualTime;
import io.glomers.broadcast.MessageStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A simulated node as the bench's network sees it. Kill, restart, pause and resume act like the
 * signals on a process: a kill drops the node's memory and timers, a restart builds a new node whose
 * seed comes from the run's seed, the node id and the incarnation, so a seed still replays a run.
 */
public final class SimBenchNode implements BenchNode {

    private static final long WAKE_STREAM = 0x9E3779B97F4A7C15L;

    private final String id;
    private final SimNodeFactory factory;
    private final VirtualTime time;
    private final long seed;
    private final HostCpu.Worker reader;
    private final HostCosts costs;
    /** The node's wake-ups: a stream of their own, so the node's and the network's draws stay as they were. */
    private final Random wakes;
    private final LineFilter filter;
    private final List<SimNode> killed = new ArrayList<>();
    /** What the node writes, through the filter. */
    private Consumer<String> output;
    /** The live node; null before start and while killed. */
    private SimNode node;
    private int incarnation;

    private SimBenchNode(String id, SimNodeFactory factory, VirtualTime time, long seed, HostCpu.Worker reader,
                         HostCosts costs, LineFilter filter) {
        this.id = id;
        this.factory = factory;
        this.time = time;
        this.seed = seed;
        this.reader = reader;
        this.costs = costs;
        this.wakes = new Random(seed ^ WAKE_STREAM);
        this.filter = filter;
    }

    /**
     * Nodes on the scheduler's virtual time; each node's randomness is drawn from the run's seed.
     * Each input line costs the node {@link HostCosts#nodeMessage} of the host's CPU before it has
     * handled it (its effects, replies and sends, happen then), one line at a time, after a wake-up
     * ({@link HostCosts#nodeWake}) where it was idle. Each node is behind its own
     * filter of {@code plant}, a planted defect ({@link Plant#NONE}: none).
     */
    public static NodeFactory factory(SimNodeFactory factory, VirtualScheduler scheduler, long runSeed, HostCpu cpu,
                                      HostCosts costs, Plant plant) {
        return (id, logDir) -> new SimBenchNode(id, factory, scheduler.time(), runSeed * 31 + id.hashCode(),
                cpu.worker(), costs, plant.filter());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void start(Consumer<String> output) {
        this.output = line -> {
            String written = filter.out(line);
            if (written != null) {
                output.accept(written);
            }
        };
        node = factory.start(id, time, seed, this.output);
    }

    @Override
    public void deliver(String line) {
        reader.run(costs.drawNodeWake(wakes), costs.nodeMessage(), () -> {
            String read = node == null ? null : filter.in(line);
            if (read != null) {
                node.deliver(read);
            }
        });
    }

    @Override
    public boolean supportsProcessFaults() {
        return true;
    }

    @Override
    public void kill() {
        if (node != null) {
            node.kill();
            killed.add(node);
            node = null;
        }
    }

    @Override
    public void restart() {
        if (node != null) {
            throw new IllegalStateException(id + " is running; kill it first");
        }
        incarnation++;
        filter.restarted();
        node = factory.start(id, time, seed * 1_000_003 + incarnation, output);
    }

    @Override
    public void pause() {
        if (node != null) {
            node.pause();
        }
    }

    @Override
    public void resume() {
        if (node != null) {
            node.resume();
        }
    }

    @Override
    public void close() {
        // Killed incarnations never ran a shutdown hook; their contexts are only freed now, after the
        // live node has had the whole run to read what they left behind.
        killed.forEach(SimNode::stop);
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
