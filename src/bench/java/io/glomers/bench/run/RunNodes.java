package io.glomers.bench.run;

import io.glomers.bench.nemesis.Fault;
import io.glomers.bench.net.Network;
import io.glomers.bench.nodes.BenchNode;
import io.glomers.bench.sched.Scheduler;
import java.util.List;
import java.util.Set;

/** A run's nodes together: started at once, checked against the faults asked for, and stopped in parallel. */
final class RunNodes {

    private final List<BenchNode> nodes;

    RunNodes(List<BenchNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** Kill and pause need a process (or a simulated node); in-process nodes share this JVM. Null when fine. */
    String unsupported(Set<Fault> faults) {
        boolean wanted = faults.contains(Fault.KILL) || faults.contains(Fault.PAUSE);
        if (wanted && !nodes.stream().allMatch(BenchNode::supportsProcessFaults)) {
            return "--nemesis kill and pause need process mode (--bin) or the simulator:"
                    + " in-process nodes share the bench's JVM and cannot be killed or stopped";
        }
        return null;
    }

    /** Starts every node at once, each output line handed to the network on the scheduler; null when all started. */
    String start(Network network, Scheduler scheduler) {
        for (BenchNode node : nodes) {
            network.attachNode(node.id(), node::deliver);
        }
        for (BenchNode node : nodes) {
            String id = node.id();
            try {
                node.start(line -> scheduler.execute(() -> network.fromNode(id, line)));
            } catch (Exception e) {
                return id + " could not be started: " + e;
            }
        }
        return null;
    }

    /** Nodes that died, for a setup failure's message: a launcher that cannot start is the usual cause. */
    String deaths() {
        List<String> dead = nodes.stream().filter(node -> node.deathCause() != null)
                .map(node -> node.id() + " " + node.deathCause()).toList();
        return dead.isEmpty() ? "" : " [" + String.join("; ", dead) + "]";
    }

    /** Stops the nodes in parallel: a process node may take a moment to exit. */
    void closeAll() {
        List<Thread> closers = nodes.stream().map(node -> new Thread(node::close, "close-" + node.id())).toList();
        closers.forEach(Thread::start);
        for (Thread closer : closers) {
            try {
                closer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
