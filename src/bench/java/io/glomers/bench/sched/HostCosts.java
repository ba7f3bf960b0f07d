package io.glomers.bench.sched;

import java.time.Duration;

/**
 * What the bench charges for the CPU work a real Maelstrom run does ({@link HostCpu}): the machine's
 * cores, and the cost of each step a message goes through. The simulator charges all of it on virtual
 * time. The real-time bench charges Maelstrom's own steps only ({@link #maelstromSend},
 * {@link #maelstromWrite}, on {@link #cores} modelled cores shared by Maelstrom's threads): its
 * nodes are real and pay their own CPU, but the bench's single Java thread does in microseconds what
 * Maelstrom's reader and writer threads take most of a millisecond a message for (a request to an idle
 * node: 0.24 ms there and back on the bench, 0.83 ms under Maelstrom, 15 nodes at rate 300), and
 * without the charge a request at that rate came back in half Maelstrom's time (issue 19). {@link #NONE}:
 * nothing charged.
 *
 * @param cores          cores shared by every thread of the run, Maelstrom's and the nodes'
 * @param maelstromSend  Maelstrom taking one message into its network: a line a node wrote (the node's
 *                       stdout thread: parse, validate, journal, queue) or a client's request (the
 *                       client's worker thread: validate, journal, queue)
 * @param maelstromWrite Maelstrom writing one message to a node (its stdin thread: JSON, write, flush)
 * @param nodeMessage    the node reading and handling one input line, replies and sends included
 */
public record HostCosts(int cores, Duration maelstromSend, Duration maelstromWrite, Duration nodeMessage) {

    /** No model: work is free ({@code --cpu-cores 0}). */
    public static final HostCosts NONE = new HostCosts(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /**
     * The simulator's default: Maelstrom v0.2.4 and our JVM nodes on a 2-core machine, where the
     * reference runs were made. The node's cost was measured (CPU time per message through the
     * launcher); Maelstrom's two were read off the reference runs (docs/bench.md, "The CPU model").
     */
    public static final HostCosts SIMULATED = new HostCosts(2, Duration.ofNanos(600_000), Duration.ofNanos(400_000),
            Duration.ofNanos(300_000));

    /**
     * The real-time bench's default: the simulator's model (one model, not a twin) without the node's
     * cost, which real nodes pay themselves, and with Maelstrom's two costs at 0.45 of the simulator's:
     * those were read off runs of 25 JVMs on a crowded machine and stand for a message's whole cost
     * there, while the real-time bench already pays this machine's own. 0.45 is what a request to an
     * idle node lacks on the bench (0.24 ms there and back against 0.83-1.04 ms under Maelstrom, 15
     * nodes at rate 300); the full costs overshot Maelstrom's client median at rate 300 (29 against
     * 16.5 ms on a loaded machine), 0.45 came to 19.5 ms once.
     */
    public static final HostCosts REAL_TIME = new HostCosts(SIMULATED.cores(), Duration.ofNanos(270_000),
            Duration.ofNanos(180_000), Duration.ZERO);

    public HostCosts {
        if (cores < 0) {
            throw new IllegalArgumentException("--cpu-cores must not be negative");
        }
        if (maelstromSend.isNegative() || maelstromWrite.isNegative() || nodeMessage.isNegative()) {
            throw new IllegalArgumentException("CPU costs must not be negative");
        }
    }

    /** The same host with the node's own cost left out: what a run of real nodes is charged. */
    public HostCosts withoutNodeCost() {
        return new HostCosts(cores, maelstromSend, maelstromWrite, Duration.ZERO);
    }

    public boolean modelled() {
        return cores > 0;
    }

    public HostCpu cpu(Scheduler scheduler) {
        return modelled() ? HostCpu.of(scheduler, cores) : HostCpu.unlimited();
    }
}
