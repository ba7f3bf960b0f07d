package io.glomers.bench.sched;

import java.time.Duration;
import java.util.List;
import java.util.Random;

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
 * @param interpreterLag how late Jepsen's interpreter hands out an operation it waited for: its timed
 *                       wait on the completion queue returns late (timer slack, a virtual machine
 *                       waking an idle core) and the generator does its own work before the operation
 *                       leaves; Jepsen's stagger counts the next one from then, so the lag is lost
 *                       every time. Not CPU: the wall clock pays it, so only the simulator adds it.
 * @param nodeWake       the median of how long a node that was idle takes to get going on a line, on the
 *                       clock and not on a core (its reader and event loop wake from a park, with cold
 *                       caches): drawn for each line from a log-normal of this median and the spread
 *                       {@link #NODE_WAKE_SIGMA}; a node already busy goes on at once. Only the simulator
 *                       adds it: the real-time bench's nodes are real.
 */
public record HostCosts(int cores, Duration maelstromSend, Duration maelstromWrite, Duration nodeMessage,
                        Duration interpreterLag, Duration nodeWake) {

    /**
     * The spread of a node's wake-up time (log-normal sigma). Fitted with {@link #SIMULATED}'s median to
     * real Maelstrom's net journal of 2026-12-04 (docs/bench.md, "The CPU model"): from its delivery of a
     * client's request to its reading of the reply, p10 0.8-0.9 ms, median 1.3-1.6 ms at 10 nodes, rate
     * 20, and 25 nodes, rate 100; p90 4.5 ms at 10 nodes. The model gives 0.8, 1.6 and 4.1 ms there (0.6
     * ms of Maelstrom's and the node's CPU, then the wake).
     */
    public static final double NODE_WAKE_SIGMA = 1.0;

    /** The longest wake drawn, in medians: the log-normal's far tail stands for nothing measured. */
    private static final double NODE_WAKE_CAP = 20;

    /** No model: work is free ({@code --cpu-cores 0}). */
    public static final HostCosts NONE = new HostCosts(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ZERO);

    /**
     * The simulator's default: Maelstrom v0.2.4 and our nodes on a 2-core machine as
     * {@code bin/broadcast-node} runs them today, every node of the machine in one shared JVM
     * ({@code io.glomers.host}). Fitted to the {@code node-3d-*} reference runs of 2026-12-03
     * (docs/bench.md, "The CPU model"): a request to an idle node takes 0.9 ms there and back under
     * lean (two sends, a write and the node's line), and fast's stable median (73 ms) needs just enough
     * CPU to break the lockstep. The node's 150 us is what it spends a line in bulk, measured; its wake,
     * 1 ms, is what an idle node takes on top in the net journals of 2026-12-04 (a slower day of the
     * same machine: lean's requests took 3 ms there and back, against 0.9 ms in its reference); it
     * shapes the client latency at light load, where a node is mostly idle. The
     * interpreter's lag is read off real histories: the gaps between invocations are Jepsen's uniform
     * stagger shifted by 0.0-0.6 ms from one run to the next (docs/bench.md, "Fresh real runs, sixth time").
     */
    public static final HostCosts SIMULATED = new HostCosts(2, Duration.ofNanos(270_000), Duration.ofNanos(180_000),
            Duration.ofNanos(150_000), Duration.ofNanos(300_000), Duration.ofNanos(1_000_000));

    /**
     * The same machine when every node had a JVM of its own (the {@code node-3d-*-jvm-per-node}
     * reference runs of 2026-12-01): 25 JVMs crowding two cores made each message cost about twice
     * as much (a request to an idle node 2.1-2.2 ms there and back).
     */
    public static final HostCosts JVM_PER_NODE = new HostCosts(2, Duration.ofNanos(600_000), Duration.ofNanos(400_000),
            Duration.ofNanos(300_000), Duration.ZERO, Duration.ZERO);

    /**
     * The real-time bench's default: the simulator's model (one model, not a twin) without what the
     * wall clock pays for itself ({@link #forRealTime}).
     */
    public static final HostCosts REAL_TIME = SIMULATED.forRealTime();

    public HostCosts {
        if (cores < 0) {
            throw new IllegalArgumentException("--cpu-cores must not be negative");
        }
        if (maelstromSend.isNegative() || maelstromWrite.isNegative() || nodeMessage.isNegative()
                || interpreterLag.isNegative() || nodeWake.isNegative()) {
            throw new IllegalArgumentException("CPU costs must not be negative");
        }
    }

    /** These costs as the bench's options: {@code --cpu-cores N --cpu-maelstrom-send US ...}. */
    public List<String> asOptions() {
        return List.of("--cpu-cores", Integer.toString(cores),
                "--cpu-maelstrom-send", Long.toString(maelstromSend.toNanos() / 1_000),
                "--cpu-maelstrom-write", Long.toString(maelstromWrite.toNanos() / 1_000),
                "--cpu-node", Long.toString(nodeMessage.toNanos() / 1_000),
                "--cpu-interpreter-lag", Long.toString(interpreterLag.toNanos() / 1_000),
                "--cpu-node-wake", Long.toString(nodeWake.toNanos() / 1_000));
    }

    /**
     * What the real-time bench charges: Maelstrom's own steps. Its nodes are real and pay their own
     * CPU, and its interpreter waits on the real clock, which lags by itself.
     */
    public HostCosts forRealTime() {
        return new HostCosts(cores, maelstromSend, maelstromWrite, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** The interpreter's lag where the model is on ({@code --cpu-cores 0}: none). */
    public Duration modelledInterpreterLag() {
        return modelled() ? interpreterLag : Duration.ZERO;
    }

    /** One node wake-up ({@link #nodeWake}), drawn from {@code random}. */
    public Duration drawNodeWake(Random random) {
        if (nodeWake.isZero()) {
            return Duration.ZERO;
        }
        double medians = Math.min(NODE_WAKE_CAP, Math.exp(NODE_WAKE_SIGMA * random.nextGaussian()));
        return Duration.ofNanos((long) (medians * nodeWake.toNanos()));
    }

    public boolean modelled() {
        return cores > 0;
    }

    public HostCpu cpu(Scheduler scheduler) {
        return modelled() ? HostCpu.of(scheduler, cores) : HostCpu.unlimited();
    }
}
