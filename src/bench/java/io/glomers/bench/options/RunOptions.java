package io.glomers.bench.options;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.run.MidRunChanges;
import io.glomers.bench.run.StorePolicy;
import io.glomers.bench.nemesis.FaultPlan;
import io.glomers.bench.net.LatencyModel;
import io.glomers.bench.net.NetFaults;
import io.glomers.bench.sched.HostCosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of one run, as {@code maelstrom test} names them (same names, same defaults) and the
 * bench's own: the one definition from which {@code bin/challenge} ({@code cli}) parses, checks and prints its help,
 * and from which programs and tests make {@link BenchOptions} ({@link RunArguments#parse}). A part
 * ({@link Part}) supplies other defaults through its command's default provider.
 */
public final class RunOptions {

    @Option(names = {"-w", "--workload"}, paramLabel = "W", defaultValue = "broadcast", converter = Choices.Workload.class,
            description = "the workload: broadcast, the only one")
    String workload;

    @Option(names = "--node-count", paramLabel = "N", defaultValue = "1", converter = Values.NodeCount.class,
            description = "number of nodes, n0.. (1 to 1000; default ${DEFAULT-VALUE})")
    int nodeCount;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "20", converter = Values.PositiveSeconds.class,
            description = "length of the workload phase (above 0, at most a day; default ${DEFAULT-VALUE})")
    Duration timeLimit;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "10", converter = Values.Rate.class,
            description = "client requests per second, over all clients (0.001 to 1000000; default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--latency", paramLabel = "MS", defaultValue = "0", converter = Values.Millis.class,
            description = "mean server-to-server latency, whole ms (0 to 3600000; default ${DEFAULT-VALUE})")
    long latency;

    @Option(names = "--latency-dist", paramLabel = "D", defaultValue = "constant", converter = Choices.Distribution.class,
            description = "constant, uniform or exponential (default ${DEFAULT-VALUE})")
    LatencyModel.Distribution latencyDist;

    @Option(names = "--nemesis", paramLabel = "F[,F...]", defaultValue = "none", converter = Choices.Nemeses.class,
            description = "partition, kill, pause, comma-separated, or none (default ${DEFAULT-VALUE}); "
                    + "kill and pause need process nodes or the simulator, and are not in Maelstrom 0.2.4")
    Choices.FaultList nemesis;

    @Option(names = "--faults", paramLabel = "PLAN", converter = Choices.Faults.class,
            description = "beyond Maelstrom: a fixed fault schedule instead of --nemesis, e.g."
                    + " partition@1-4=n0.n1/n2.n3.n4,kill@2.5-3=n1 (KIND@START-END=NODES, seconds from the workload's"
                    + " start; a partition names the groups that still hear each other), or none; what a shrunk"
                    + " replay carries")
    FaultPlan faults;

    @Option(names = "--nemesis-interval", paramLabel = "SECONDS", defaultValue = "10", converter = Values.PositiveSeconds.class,
            description = "mean seconds between nemesis steps (above 0, at most a day; default ${DEFAULT-VALUE})")
    Duration nemesisInterval;

    @Option(names = "--topology", paramLabel = "T", defaultValue = "grid", converter = Choices.Topology.class,
            description = "grid, line, tree, tree2, tree3, tree4 or total (default ${DEFAULT-VALUE})")
    String topology;

    @Option(names = "--seed", paramLabel = "S", converter = Values.Seed.class,
            description = "seed of the run's one random source (default: drawn at random and printed)")
    Long seed;

    @Option(names = "--recovery-wait", paramLabel = "SECONDS", defaultValue = "10", converter = Values.NonNegativeSeconds.class,
            description = "wait before the final reads (0 to a day; default ${DEFAULT-VALUE}, as Maelstrom)")
    Duration recoveryWait;

    @Option(names = "--init-deadline", paramLabel = "SECONDS", defaultValue = "10", converter = Values.PositiveSeconds.class,
            description = "how long a node may take to answer init (above 0, at most a day; default ${DEFAULT-VALUE}, as Maelstrom); "
                    + "longer to measure how long nodes really need on a loaded machine")
    Duration initDeadline;

    @Option(names = "--bin", paramLabel = "PATH", converter = Places.Executable.class,
            description = "run this executable as the nodes, one process each (default: our node, bin/broadcast-node)")
    Path bin;

    @Option(names = "--in-process",
            description = "run our node in this JVM, one Spring context per node (fast start; no kill or pause)")
    boolean inProcess;

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "store", converter = Places.StoreFolder.class,
            description = "where runs are written; made if missing, in a folder that exists (default ${DEFAULT-VALUE})")
    Path store;

    @Option(names = "--store-runs", paramLabel = "P", defaultValue = "all", converter = Choices.StoreRuns.class,
            description = "which runs are written: all, failed or none (default ${DEFAULT-VALUE})")
    StorePolicy storeRuns;

    @Option(names = "--duplicate-probability", paramLabel = "P", defaultValue = "0", converter = Values.Probability.class,
            description = "beyond Maelstrom, server-to-server only: deliver a message twice (0-1; default ${DEFAULT-VALUE})")
    double duplicateProbability;

    @Option(names = "--reorder-probability", paramLabel = "P", defaultValue = "0", converter = Values.Probability.class,
            description = "beyond Maelstrom: hold a message back by up to --reorder-window (0-1; default ${DEFAULT-VALUE})")
    double reorderProbability;

    @Option(names = "--reorder-window", paramLabel = "MS", defaultValue = "100", converter = Values.PositiveMillis.class,
            description = "beyond Maelstrom: the longest hold of a reordered message (1 to 3600000; default ${DEFAULT-VALUE})")
    Duration reorderWindow;

    @Option(names = "--delay-spike-probability", paramLabel = "P", defaultValue = "0", converter = Values.Probability.class,
            description = "beyond Maelstrom: delay a message by an extra --delay-spike (0-1; default ${DEFAULT-VALUE})")
    double spikeProbability;

    @Option(names = "--delay-spike", paramLabel = "MS", defaultValue = "1000", converter = Values.PositiveMillis.class,
            description = "beyond Maelstrom: the extra delay of a spiked message (1 to 3600000; default ${DEFAULT-VALUE})")
    Duration spike;

    @Option(names = "--latency-at", paramLabel = "SECONDS=MS", converter = Values.LatencyStep.class,
            description = "beyond Maelstrom: from SECONDS into the workload on, the mean latency is MS, under the same"
                    + " distribution; repeatable: --latency-at 8=300 --latency-at 12=100 is a 4 s spell of slow hops")
    List<MidRunChanges.Step> latencyAt;

    @Option(names = "--rate-at", paramLabel = "SECONDS=R", converter = Values.RateStep.class,
            description = "beyond Maelstrom: from SECONDS into the workload on, the clients send R requests a second;"
                    + " repeatable")
    List<MidRunChanges.Step> rateAt;

    @Option(names = "--cpu-cores", paramLabel = "N", converter = Values.Cores.class,
            description = "cores shared by Maelstrom's threads (in the simulator, and its nodes) (0 to 1024; 0: no CPU model)")
    Integer cpuCores;

    @Option(names = "--cpu-maelstrom-send", paramLabel = "US", converter = Values.Micros.class,
            description = "CPU per line Maelstrom reads from a node or a client sends (0 to 1000000)")
    Duration cpuMaelstromSend;

    @Option(names = "--cpu-maelstrom-write", paramLabel = "US", converter = Values.Micros.class,
            description = "CPU per message Maelstrom writes to a node (0 to 1000000)")
    Duration cpuMaelstromWrite;

    @Option(names = "--cpu-node", paramLabel = "US", converter = Values.Micros.class,
            description = "simulator only: CPU per input line the node handles (0 to 1000000)")
    Duration cpuNode;

    @Option(names = "--cpu-interpreter-lag", paramLabel = "US", converter = Values.Micros.class,
            description = "simulator only: how late Jepsen's interpreter hands out each operation it waited for (0 to 1000000)")
    Duration cpuInterpreterLag;

    @Option(names = "--cpu-node-wake", paramLabel = "US", converter = Values.Micros.class,
            description = "simulator only: the median time an idle node takes to get going on a line, on the clock (0 to 1000000)")
    Duration cpuNodeWake;

    /**
     * The run these options describe. {@code defaultBin} runs when neither {@code --bin} nor
     * {@code --in-process} was given (null: in-process); {@code randomSeed} when no {@code --seed} was.
     */
    public BenchOptions toBenchOptions(Part part, Path defaultBin, long randomSeed) {
        return new BenchOptions(part == null ? "custom" : part.id(), nodeCount, timeLimit, rate,
                new LatencyModel(latencyDist, latency), faults != null ? faults.kinds() : nemesis.faults(), nemesisInterval, topology, recoveryWait,
                seed != null ? seed : randomSeed, inProcess ? null : bin != null ? bin : defaultBin, store,
                initDeadline, BenchOptions.REQUEST_TIMEOUT, part == null ? null : part.targets(),
                NetFaults.NONE.withDuplicateProbability(duplicateProbability)
                        .withReorder(reorderProbability, reorderWindow)
                        .withDelaySpike(spikeProbability, spike),
                storeRuns, hostCosts(), faults,
                new MidRunChanges(latencyAt == null ? List.of() : latencyAt, rateAt == null ? List.of() : rateAt));
    }

    /** The seed given, or null for one drawn at random. */
    public Long seed() {
        return seed;
    }

    /** The node executable given with {@code --bin}, or null. */
    public Path bin() {
        return bin;
    }

    public boolean inProcess() {
        return inProcess;
    }

    /** Unset unless a {@code --cpu-*} option is given; each one not given keeps the simulator's value. */
    private HostCosts hostCosts() {
        if (cpuCores == null && cpuMaelstromSend == null && cpuMaelstromWrite == null && cpuNode == null
                && cpuInterpreterLag == null && cpuNodeWake == null) {
            return null;
        }
        HostCosts d = HostCosts.SIMULATED;
        return new HostCosts(cpuCores != null ? cpuCores : d.cores(),
                cpuMaelstromSend != null ? cpuMaelstromSend : d.maelstromSend(),
                cpuMaelstromWrite != null ? cpuMaelstromWrite : d.maelstromWrite(),
                cpuNode != null ? cpuNode : d.nodeMessage(),
                cpuInterpreterLag != null ? cpuInterpreterLag : d.interpreterLag(),
                cpuNodeWake != null ? cpuNodeWake : d.nodeWake());
    }
}
