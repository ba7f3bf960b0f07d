package io.glomers.bench.sched;

import java.time.Duration;

/**
 * What the simulator charges for the CPU work a real run does ({@link HostCpu}): the machine's
 * cores, and the cost of each step a message goes through. Real-time runs pay the real costs and
 * use {@link #NONE}.
 *
 * @param cores          cores shared by every thread of the run, Maelstrom's and the nodes'
 * @param maelstromSend  Maelstrom taking one message into its network: a line a node wrote (the node's
 *                       stdout thread: parse, validate, journal, queue) or a client's request (the
 *                       client's worker thread: validate, journal, queue)
 * @param maelstromWrite Maelstrom writing one message to a node (its stdin thread: JSON, write, flush)
 * @param nodeMessage    the node reading and handling one input line, replies and sends included
 */
public record HostCosts(int cores, Duration maelstromSend, Duration maelstromWrite, Duration nodeMessage) {

    /** No model: work is free (real time, where the machine itself is the model). */
    public static final HostCosts NONE = new HostCosts(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /**
     * The simulator's default: Maelstrom v0.2.4 and our JVM nodes on a 2-core machine, where the
     * reference runs were made. The node's cost was measured (CPU time per message through the
     * launcher); Maelstrom's two were read off the reference runs (docs/bench.md, "The CPU model").
     */
    public static final HostCosts SIMULATED = new HostCosts(2, Duration.ofNanos(600_000), Duration.ofNanos(400_000),
            Duration.ofNanos(300_000));

    public HostCosts {
        if (cores < 0) {
            throw new IllegalArgumentException("--cpu-cores must not be negative");
        }
        if (maelstromSend.isNegative() || maelstromWrite.isNegative() || nodeMessage.isNegative()) {
            throw new IllegalArgumentException("CPU costs must not be negative");
        }
    }

    public boolean modelled() {
        return cores > 0;
    }

    public HostCpu cpu(Scheduler scheduler) {
        return modelled() ? HostCpu.of(scheduler, cores) : HostCpu.unlimited();
    }
}
