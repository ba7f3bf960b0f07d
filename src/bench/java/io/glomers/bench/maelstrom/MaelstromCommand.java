package io.glomers.bench.maelstrom;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.nemesis.Fault;
import io.glomers.bench.net.LatencyModel;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code maelstrom test} command line for a run the bench would take as {@link BenchOptions}: the
 * same arguments, in Maelstrom's own words. Options Maelstrom does not know (the bench's seed, recovery
 * wait, network faults, CPU model, ...) are left out and named by {@link #ignored(List)}; what Maelstrom
 * 0.2.4 cannot do at all (the kill and pause nemeses) is refused.
 */
public final class MaelstromCommand {

    /** The bench's own options, which take a value; real Maelstrom has no such option. */
    static final Set<String> BENCH_ONLY = Set.of("--seed", "--recovery-wait", "--init-deadline", "--store-runs",
            "--duplicate-probability", "--reorder-probability", "--reorder-window", "--delay-spike-probability",
            "--delay-spike", "--cpu-cores", "--cpu-maelstrom-send", "--cpu-maelstrom-write", "--cpu-node", "--cpu-interpreter-lag",
            "--cpu-node-wake", "--latency-at", "--rate-at");
    /** The bench's own switches. */
    static final Set<String> BENCH_ONLY_SWITCHES = Set.of("--in-process");

    private MaelstromCommand() {
    }

    /** {@code maelstrom test -w broadcast --bin BIN ...}; options at Maelstrom's default are left out, but for the part's. */
    public static List<String> of(Path maelstrom, Path bin, BenchOptions options) {
        if (options.faultPlan() != null) {
            throw new IllegalArgumentException("--faults is the bench's own fixed fault schedule; Maelstrom draws its"
                    + " own from --nemesis (unset MAELSTROM to run the plan on the bench, or use bin/challenge sim)");
        }
        if (options.faults().contains(Fault.KILL) || options.faults().contains(Fault.PAUSE)) {
            throw new IllegalArgumentException("Maelstrom 0.2.4 has only the partition nemesis; kill and pause run on"
                    + " the bench (unset MAELSTROM) or in the simulator (bin/challenge sim)");
        }
        List<String> command = new ArrayList<>(List.of(maelstrom.toString(), "test", "-w", "broadcast",
                "--bin", bin.toString(),
                "--node-count", String.valueOf(options.nodeCount()),
                "--time-limit", wholeSeconds(options.timeLimit()),
                "--rate", plain(options.rate())));
        LatencyModel latency = options.latency();
        // Without latency every distribution draws 0, and Maelstrom 0.2.4 cannot build the others of mean 0 (the
        // uniform fails an assertion, the exponential divides by zero): it gets its default, constant, the same network.
        if (latency.meanMillis() > 0) {
            command.addAll(List.of("--latency", String.valueOf(latency.meanMillis())));
            if (latency.distribution() != LatencyModel.Distribution.CONSTANT) {
                command.addAll(List.of("--latency-dist", latency.distribution().name().toLowerCase(Locale.ROOT)));
            }
        }
        if (options.partitionNemesis()) {
            command.addAll(List.of("--nemesis", "partition"));
            if (!options.nemesisInterval().equals(Duration.ofSeconds(10))) {
                command.addAll(List.of("--nemesis-interval", plain(options.nemesisInterval().toNanos() / 1e9)));
            }
        }
        if (!options.topology().equals("grid")) {
            command.addAll(List.of("--topology", options.topology()));
        }
        return command;
    }

    /** The options among {@code args} that real Maelstrom does not take, each with its value. */
    public static List<String> ignored(List<String> args) {
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (BENCH_ONLY_SWITCHES.contains(arg)) {
                ignored.add(arg);
            } else if (BENCH_ONLY.contains(arg)) {
                ignored.add(arg + (i + 1 < args.size() ? " " + args.get(++i) : ""));
            }
        }
        return ignored;
    }

    private static String wholeSeconds(Duration duration) {
        if (duration.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("--time-limit " + plain(duration.toNanos() / 1e9)
                    + ": Maelstrom takes whole seconds");
        }
        return String.valueOf(duration.toSeconds());
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
