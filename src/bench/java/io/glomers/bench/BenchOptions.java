package io.glomers.bench;

import io.glomers.bench.net.LatencyModel;
import io.glomers.bench.net.NetFaults;
import io.glomers.bench.sched.HostCosts;
import io.glomers.bench.workload.Topologies;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One bench run's settings: Maelstrom's command-line options (same names, same defaults) plus the
 * bench's own (seed, recovery wait, node executable). A challenge part supplies the defaults of the
 * part's row in the challenge table; options after it override them.
 *
 * @param part            3a..3e, or "custom"
 * @param bin             node executable for process mode; null runs our node in-process
 * @param recoveryWait    Maelstrom's fixed 10 s wait before the final reads; shorter for fast tests
 * @param targets         the part's efficiency targets, or null
 * @param faults          the nemeses on ({@code --nemesis partition,kill,pause}); empty for none
 * @param netFaults       duplication, reordering and delay spikes on server links (beyond Maelstrom; off by default)
 * @param storeRuns       which runs are written under the store
 * @param hostCosts       the simulator's CPU model ({@code --cpu-*}); null when not given (the simulator
 *                        then uses {@link HostCosts} measured defaults, real time refuses it)
 */
public record BenchOptions(String part, int nodeCount, Duration timeLimit, double rate, LatencyModel latency,
                           Set<Fault> faults, Duration nemesisInterval, String topology, Duration recoveryWait,
                           long seed, Path bin, Path store, Duration initDeadline, Duration requestTimeout,
                           Targets targets, NetFaults netFaults, StorePolicy storeRuns, HostCosts hostCosts) {

    public static final String USAGE = """
            usage: challenge [3a|3b|3c|3d|3e] [options]
              --node-count N          number of nodes (n0..)
              --time-limit SECONDS    length of the workload phase
              --rate R                client requests per second, over all clients
              --latency MS            mean server-to-server latency
              --latency-dist D        constant | uniform | exponential
              --nemesis F[,F...]      nemeses: partition, kill, pause, comma-separated (none: off);
                                      kill and pause need process mode (--bin) or the simulator
              --nemesis-interval S    mean seconds between nemesis steps (default 10)
              --topology T            grid | line | tree2 | tree3 | tree4 | total (default grid)
              --seed S                seed of the run's one random source (default: random, printed)
              --recovery-wait S       wait before the final reads (default 10, as Maelstrom)
              --init-deadline S       how long a node may take to answer init (default 10, as Maelstrom;
                                      longer only to measure a loaded machine, e.g. a soak)
              --bin PATH              run this executable as the nodes (process mode)
              --in-process            run our node in this JVM, one Spring context per node
              --store DIR             where runs are written (default store)
              --store-runs P          all | failed | none: which runs are written (default all)
            beyond Maelstrom (server-to-server messages only; default off):
              --duplicate-probability P     deliver a message twice
              --reorder-probability P       hold a message back by up to --reorder-window MS (default 100)
                --delay-spike-probability P   delay a message by an extra --delay-spike MS (default 1000)
            the simulator's CPU model (bin/challenge sim only; real time pays the machine's real costs):
              --cpu-cores N                 cores shared by Maelstrom's threads and the nodes (0: no model)
              --cpu-maelstrom-send US       CPU per line Maelstrom reads from a node
              --cpu-maelstrom-write US      CPU per message Maelstrom writes to a node
              --cpu-node US                 CPU per input line the node handles
            """;

    private static final Map<String, List<String>> PARTS = Map.of(
            "3a", List.of("--node-count", "1", "--time-limit", "20", "--rate", "10"),
            "3b", List.of("--node-count", "5", "--time-limit", "20", "--rate", "10"),
            "3c", List.of("--node-count", "5", "--time-limit", "20", "--rate", "10", "--nemesis", "partition"),
            "3d", List.of("--node-count", "25", "--time-limit", "20", "--rate", "100", "--latency", "100"),
            "3e", List.of("--node-count", "25", "--time-limit", "20", "--rate", "100", "--latency", "100"));

    private static final Map<String, Targets> TARGETS = Map.of(
            "3d", new Targets(30, 400, 600),
            "3e", new Targets(20, 1000, 2000));

    /** A nemesis: each runs its own start/stop cycle (Jepsen's combined nemesis). */
    public enum Fault {
        /** Maelstrom's partition nemesis. */
        PARTITION,
        /** SIGKILL, then restart through the launcher and init again (Maelstrom PR #102, Jepsen's :kill). */
        KILL,
        /** SIGSTOP, then SIGCONT (Maelstrom PR #102, Jepsen's :pause). */
        PAUSE;

        static Set<Fault> parseList(String value) {
            Set<Fault> faults = EnumSet.noneOf(Fault.class);
            if (value.equals("none")) {
                return faults;
            }
            for (String name : value.split(",")) {
                try {
                    faults.add(Fault.valueOf(name.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the bench's nemeses are partition, kill and pause"
                            + " (comma-separated, or none), not " + name);
                }
            }
            return faults;
        }
    }

    public BenchOptions {
        faults = Collections.unmodifiableSet(faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults));
        if (nodeCount < 1) {
            throw new IllegalArgumentException("--node-count must be at least 1");
        }
        if (rate <= 0) {
            throw new IllegalArgumentException("--rate must be positive");
        }
        if (!Topologies.NAMES.contains(topology)) {
            throw new IllegalArgumentException("--topology must be one of " + Topologies.NAMES);
        }
    }

    /** Parses {@code [PART] [options]}; the part's defaults come first, so later options override them. */
    public static BenchOptions parse(List<String> args, long randomSeed) {
        Builder builder = new Builder(randomSeed);
        List<String> rest = args;
        if (!args.isEmpty() && !args.get(0).startsWith("-")) {
            String part = args.get(0);
            List<String> defaults = PARTS.get(part);
            if (defaults == null) {
                throw new IllegalArgumentException("unknown part " + part + "; one of 3a 3b 3c 3d 3e");
            }
            builder.part = part;
            builder.targets = TARGETS.get(part);
            builder.apply(defaults);
            rest = args.subList(1, args.size());
        }
        builder.apply(rest);
        return builder.build();
    }

    public boolean partitionNemesis() {
        return faults.contains(Fault.PARTITION);
    }

    public boolean inProcess() {
        return bin == null;
    }

    /** Copy with a different recovery wait, for tests. */
    public BenchOptions withRecoveryWait(Duration wait) {
        return new BenchOptions(part, nodeCount, timeLimit, rate, latency, faults, nemesisInterval, topology,
                wait, seed, bin, store, initDeadline, requestTimeout, targets, netFaults, storeRuns, hostCosts);
    }

    /** Copy with the simulator's CPU model filled in. */
    public BenchOptions withHostCosts(HostCosts costs) {
        return new BenchOptions(part, nodeCount, timeLimit, rate, latency, faults, nemesisInterval, topology,
                recoveryWait, seed, bin, store, initDeadline, requestTimeout, targets, netFaults, storeRuns, costs);
    }

    /** Copy with a different store directory, for tests. */
    public BenchOptions withStore(Path dir) {
        return new BenchOptions(part, nodeCount, timeLimit, rate, latency, faults, nemesisInterval, topology,
                recoveryWait, seed, bin, dir, initDeadline, requestTimeout, targets, netFaults, storeRuns, hostCosts);
    }

    private static final class Builder {
        String part = "custom";
        int nodeCount = 1;
        Duration timeLimit = Duration.ofSeconds(20);
        double rate = 10;
        long latencyMs;
        LatencyModel.Distribution latencyDist = LatencyModel.Distribution.CONSTANT;
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        Duration nemesisInterval = Duration.ofSeconds(10);
        String topology = "grid";
        Duration recoveryWait = Duration.ofSeconds(10);
        Duration initDeadline = Duration.ofSeconds(10);
        long seed;
        Path bin;
        Path store = Path.of("store");
        Targets targets;
        NetFaults netFaults = NetFaults.NONE;
        double reorderProbability;
        Duration reorderWindow = NetFaults.NONE.reorderWindow();
        double spikeProbability;
        Duration spike = NetFaults.NONE.delaySpike();
        StorePolicy storeRuns = StorePolicy.ALL;
        Integer cpuCores;
        Duration cpuMaelstromSend;
        Duration cpuMaelstromWrite;
        Duration cpuNode;

        Builder(long seed) {
            this.seed = seed;
        }

        void apply(List<String> args) {
            for (int i = 0; i < args.size(); i++) {
                String option = args.get(i);
                if (option.equals("--in-process")) {
                    bin = null;
                    continue;
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("option " + option + " needs a value");
                }
                String value = args.get(++i);
                switch (option) {
                    case "-w", "--workload" -> {
                        if (!value.equals("broadcast")) {
                            throw new IllegalArgumentException("the bench only runs the broadcast workload");
                        }
                    }
                    case "--node-count" -> nodeCount = Integer.parseInt(value);
                    case "--time-limit" -> timeLimit = seconds(value);
                    case "--rate" -> rate = Double.parseDouble(value);
                    case "--latency" -> latencyMs = Long.parseLong(value);
                    case "--latency-dist" -> latencyDist = LatencyModel.Distribution.parse(value);
                    case "--nemesis" -> faults = Fault.parseList(value);
                    case "--nemesis-interval" -> nemesisInterval = seconds(value);
                    case "--topology" -> topology = value;
                    case "--recovery-wait" -> recoveryWait = seconds(value);
                    case "--init-deadline" -> initDeadline = seconds(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--bin" -> bin = Path.of(value);
                    case "--store" -> store = Path.of(value);
                    case "--store-runs" -> storeRuns = StorePolicy.parse(value);
                    case "--duplicate-probability" -> netFaults = netFaults.withDuplicateProbability(Double.parseDouble(value));
                    case "--reorder-probability" -> reorderProbability = Double.parseDouble(value);
                    case "--reorder-window" -> reorderWindow = Duration.ofMillis(Long.parseLong(value));
                    case "--delay-spike-probability" -> spikeProbability = Double.parseDouble(value);
                    case "--delay-spike" -> spike = Duration.ofMillis(Long.parseLong(value));
                    case "--cpu-cores" -> cpuCores = Integer.parseInt(value);
                    case "--cpu-maelstrom-send" -> cpuMaelstromSend = micros(value);
                    case "--cpu-maelstrom-write" -> cpuMaelstromWrite = micros(value);
                    case "--cpu-node" -> cpuNode = micros(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
        }

        private static Duration micros(String value) {
            return Duration.ofNanos((long) (Double.parseDouble(value) * 1e3));
        }

        /** Unset unless one of the options is given; each one not given keeps the simulator's default. */
        private HostCosts hostCosts() {
            if (cpuCores == null && cpuMaelstromSend == null && cpuMaelstromWrite == null && cpuNode == null) {
                return null;
            }
            HostCosts d = HostCosts.SIMULATED;
            return new HostCosts(cpuCores != null ? cpuCores : d.cores(),
                    cpuMaelstromSend != null ? cpuMaelstromSend : d.maelstromSend(),
                    cpuMaelstromWrite != null ? cpuMaelstromWrite : d.maelstromWrite(),
                    cpuNode != null ? cpuNode : d.nodeMessage());
        }

        private static Duration seconds(String value) {
            return Duration.ofNanos((long) (Double.parseDouble(value) * 1e9));
        }

        BenchOptions build() {
            return new BenchOptions(part, nodeCount, timeLimit, rate, new LatencyModel(latencyDist, latencyMs),
                    faults, nemesisInterval, topology, recoveryWait, seed, bin, store, initDeadline,
                    Duration.ofSeconds(5), targets,
                    netFaults.withReorder(reorderProbability, reorderWindow).withDelaySpike(spikeProbability, spike),
                    storeRuns, hostCosts());
        }
    }
}
