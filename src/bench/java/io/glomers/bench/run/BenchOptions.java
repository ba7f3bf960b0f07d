package io.glomers.bench.run;

import io.glomers.bench.nemesis.Fault;
import io.glomers.bench.nemesis.FaultPlan;
import io.glomers.bench.net.LatencyModel;
import io.glomers.bench.net.NetFaults;
import io.glomers.bench.sched.HostCosts;
import io.glomers.bench.workload.Topologies;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One bench run's settings: Maelstrom's command-line options (same names, same defaults) plus the
 * bench's own (seed, recovery wait, node executable). Made from words by {@code cli.RunArguments}, the
 * one parser of {@code bin/challenge}'s options.
 *
 * @param part            3a..3e, or "custom"
 * @param bin             node executable for process mode; null runs our node in-process
 * @param recoveryWait    Maelstrom's fixed 10 s wait before the final reads; shorter for fast tests
 * @param targets         the part's efficiency targets, or null
 * @param faults          the nemeses on ({@code --nemesis partition,kill,pause}); empty for none
 * @param netFaults       duplication, reordering and delay spikes on server links (beyond Maelstrom; off by default)
 * @param storeRuns       which runs are written under the store
 * @param hostCosts       the CPU model ({@code --cpu-*}); null when not given: the simulator then charges
 *                        {@link HostCosts#SIMULATED}, the real-time bench {@link HostCosts#REAL_TIME}
 *                        (Maelstrom's threads only; the real nodes pay their own)
 * @param faultPlan       a fixed schedule of faults ({@code --faults}) instead of the nemeses' own; null
 *                        when not given. With a plan, {@code faults} are the kinds it uses.
 * @param changes         the latency and rate from moments of the workload on (beyond Maelstrom; none by default)
 */
public record BenchOptions(String part, int nodeCount, Duration timeLimit, double rate, LatencyModel latency,
                           Set<Fault> faults, Duration nemesisInterval, String topology, Duration recoveryWait,
                           long seed, Path bin, Path store, Duration initDeadline, Duration requestTimeout,
                           Targets targets, NetFaults netFaults, StorePolicy storeRuns, HostCosts hostCosts,
                           FaultPlan faultPlan, MidRunChanges changes) {

    /** How long a client waits for a reply before it records the operation as indeterminate, as Maelstrom. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    public BenchOptions {
        faults = Collections.unmodifiableSet(faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults));
        if (nodeCount < 1) {
            throw new IllegalArgumentException("--node-count must be at least 1");
        }
        if (rate <= 0) {
            throw new IllegalArgumentException("--rate must be positive");
        }
        if (faultPlan != null) {
            faultPlan.checkNodes(nodeCount);
            if (!faults.equals(faultPlan.kinds())) {
                throw new IllegalArgumentException("--faults " + faultPlan + " uses " + faultPlan.kinds()
                        + ", not the nemeses " + faults);
            }
        }
        changes = changes == null ? MidRunChanges.NONE : changes;
        if (!Topologies.NAMES.contains(topology)) {
            throw new IllegalArgumentException("--topology must be one of " + Topologies.NAMES);
        }
    }

    public boolean partitionNemesis() {
        return faults.contains(Fault.PARTITION);
    }

    /** Whether the run kills or pauses node processes (then the bench's process nodes take a JVM each). */
    public boolean killsOrPausesNodes() {
        return faults.contains(Fault.KILL) || faults.contains(Fault.PAUSE);
    }

    public boolean inProcess() {
        return bin == null;
    }

    /**
     * Copy with the real-time bench's CPU model: the {@code --cpu-*} given, else {@link HostCosts#REAL_TIME}
     * ({@code --cpu-cores 0}: nothing charged); never the node's cost, which real nodes pay themselves.
     */
    public BenchOptions forRealTime() {
        return withHostCosts(hostCosts == null ? HostCosts.REAL_TIME : hostCosts.forRealTime());
    }

    /** Copy with the CPU model filled in. */
    public BenchOptions withHostCosts(HostCosts costs) {
        return new BenchOptions(part, nodeCount, timeLimit, rate, latency, faults, nemesisInterval, topology,
                recoveryWait, seed, bin, store, initDeadline, requestTimeout, targets, netFaults, storeRuns, costs, faultPlan, changes);
    }
}
