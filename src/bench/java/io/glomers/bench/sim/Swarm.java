package io.glomers.bench.sim;

import io.glomers.bench.run.BenchRunner;
import io.glomers.bench.plant.Plant;
import io.glomers.bench.run.ResultsReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Swarm testing: many seeded runs on virtual time, run {@code i} with seed {@code base + i}. Unless
 * the caller fixes the bench arguments, the seed also draws the run's mix ({@link #draw}): the part
 * and which faults are on, with their magnitudes, so that 200 seeds try 200 different mixes (Groce
 * et al., "Swarm Testing", ISSTA 2012: each run leaves some features out). Keeps nothing on disk but
 * failed runs.
 *
 * @param profile   the node's Spring profile (blank for the defaults)
 * @param overrides node properties, {@code name=value}
 * @param benchArgs fixed bench arguments for every run; empty (or where to store runs, alone) to draw each run's from its seed
 * @param plant     a defect planted in every node ({@link Plant#NONE}: the node as it is)
 */
public record Swarm(String profile, List<String> overrides, List<String> benchArgs, Plant plant) {

    public Swarm(String profile, List<String> overrides, List<String> benchArgs) {
        this(profile, overrides, benchArgs, Plant.NONE);
    }

    /** Options that say where runs are kept, not what they run. */
    private static final Set<String> STORAGE_OPTIONS = Set.of("--store", "--store-runs");

    /**
     * The multi-node parts, weighted as the swarm's fixed mix had them: half the runs are 25-node
     * runs (3d, 3e), which cost ten times a 5-node one.
     */
    private static final String[] PARTS = {"3b", "3c", "3c", "3d", "3d", "3e"};
    private static final String[] NEMESES = {"partition", "kill", "pause"};
    private static final String[] NEMESIS_INTERVALS = {"2", "3", "5", "10"};
    private static final String[] LATENCIES = {"0", "20", "50", "100", "200"};
    private static final String[] LATENCY_DISTS = {"constant", "uniform", "exponential"};
    private static final String[] DUPLICATE_PROBABILITIES = {"0.01", "0.05", "0.1", "0.2"};
    private static final String[] REORDER_PROBABILITIES = {"0.05", "0.1", "0.2", "0.5"};
    private static final String[] REORDER_WINDOWS = {"100", "50", "250", "500"};
    private static final String[] SPIKE_PROBABILITIES = {"0.01", "0.02", "0.05"};
    private static final String[] SPIKES = {"1000", "2000", "3000"};
    /** Keeps the mix's draws apart from the nodes' own SplittableRandoms, which are also derived from the seed. */
    private static final long SALT = 0x5357_4152_4d5f_4d49L;

    /**
     * The bench arguments swarm testing gives the run with this seed; a pure function of the seed.
     * From a SplitMix ({@link SplittableRandom}) seeded by it: the part (3b 1/6, 3c 1/3, 3d 1/3,
     * 3e 1/6); each of partition, kill and pause on with probability 1/2 (so none, one, two or all
     * three), and when any is on the nemesis interval (2, 3, 5 or 10 s); half the runs keep the
     * part's latency, the others draw 0-200 ms, and a distribution; duplication, reordering (with its
     * window) and delay spikes each on in a third of the runs, at a drawn probability and size. Every
     * value is drawn in a fixed order whether or not it is used, so whether one option is on never
     * shifts the draws of the next, and a new dimension drawn last leaves the others' draws as they
     * were. Options equal to the part's defaults are left out, so the line reads as the mix it is.
     */
    public static List<String> draw(long seed) {
        return Mix.draw(new SplittableRandom(seed ^ SALT)).args();
    }

    /** The values one run's mix draws, each drawn whether or not it is used (see {@link #draw}). */
    private record Mix(String part, List<String> nemeses, String interval, boolean ownLatency, String latency,
                       String latencyDist, boolean duplicate, String duplicateProbability, boolean reorder,
                       String reorderProbability, String reorderWindow, boolean spike, String spikeProbability,
                       String spikeMillis) {

        /** The draws in their fixed order: Java evaluates the arguments left to right. */
        static Mix draw(SplittableRandom random) {
            String part = pick(random, PARTS);
            List<String> nemeses = new ArrayList<>();
            for (String nemesis : NEMESES) {
                if (random.nextBoolean()) {
                    nemeses.add(nemesis);
                }
            }
            return new Mix(part, nemeses, pick(random, NEMESIS_INTERVALS), random.nextBoolean(), pick(random, LATENCIES),
                    pick(random, LATENCY_DISTS), random.nextInt(3) == 0, pick(random, DUPLICATE_PROBABILITIES),
                    random.nextInt(3) == 0, pick(random, REORDER_PROBABILITIES), pick(random, REORDER_WINDOWS),
                    random.nextInt(3) == 0, pick(random, SPIKE_PROBABILITIES), pick(random, SPIKES));
        }

        /** The part and the options that differ from its defaults. */
        List<String> args() {
            List<String> args = new ArrayList<>(List.of(part));
            String nemesis = nemeses.isEmpty() ? "none" : String.join(",", nemeses);
            if (!nemesis.equals(part.equals("3c") ? "partition" : "none")) {
                args.addAll(List.of("--nemesis", nemesis));
            }
            if (!nemeses.isEmpty() && !interval.equals("10")) {
                args.addAll(List.of("--nemesis-interval", interval));
            }
            String partLatency = part.equals("3d") || part.equals("3e") ? "100" : "0";
            String effectiveLatency = ownLatency ? latency : partLatency;
            if (!effectiveLatency.equals(partLatency)) {
                args.addAll(List.of("--latency", effectiveLatency));
            }
            if (!effectiveLatency.equals("0") && !latencyDist.equals("constant")) {
                args.addAll(List.of("--latency-dist", latencyDist));
            }
            addNetworkFaults(args);
            return List.copyOf(args);
        }

        private void addNetworkFaults(List<String> args) {
            if (duplicate) {
                args.addAll(List.of("--duplicate-probability", duplicateProbability));
            }
            if (reorder) {
                args.addAll(List.of("--reorder-probability", reorderProbability));
                if (!reorderWindow.equals("100")) {
                    args.addAll(List.of("--reorder-window", reorderWindow));
                }
            }
            if (spike) {
                args.addAll(List.of("--delay-spike-probability", spikeProbability));
                if (!spikeMillis.equals("1000")) {
                    args.addAll(List.of("--delay-spike", spikeMillis));
                }
            }
        }
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /**
     * The outcome of a swarm.
     *
     * @param replays     each failed run's replay command, with why it failed
     * @param failedSeeds the failed runs' seeds, in the same order
     */
    public record Report(int runs, long base, List<String> replays, List<Long> failedSeeds, Duration worstConvergence,
                         long worstConvergenceSeed, boolean someNeverConverged, long wallNanos) {

        public int failed() {
            return replays.size();
        }

        public String summary() {
            return String.format("sim: %d runs from seed %d, %d valid, %d failed, worst convergence after the heal %s, %.1f s",
                    runs, base, runs - failed(), failed(),
                    worstConvergence == null ? "n/a"
                            : worstConvergence.toMillis() + " ms (seed " + worstConvergenceSeed + ")"
                            + (someNeverConverged ? "; some runs never converged within the recovery wait" : ""),
                    wallNanos / 1e9);
        }
    }

    /** Where a swarm stores its runs unless the arguments say where. */
    static final Path DEFAULT_STORE = Path.of("store", "sim");

    /** A swarm stores failed runs only, under store/sim, unless the arguments say where or which. */
    static List<String> withStoreDefaults(List<String> args) {
        List<String> stored = new ArrayList<>(args);
        if (!stored.contains("--store")) {
            stored.addAll(List.of("--store", DEFAULT_STORE.toString()));
        }
        if (!stored.contains("--store-runs")) {
            stored.addAll(List.of("--store-runs", "failed"));
        }
        return stored;
    }

    /**
     * The bench arguments of the run with this seed: the fixed ones, or the mix the seed draws. Where
     * to keep runs ({@code --store}, {@code --store-runs}) says nothing of what to run: with only those
     * the seed still draws the mix, and they are added to it.
     */
    public List<String> argsFor(long seed) {
        if (fixesTheRun(benchArgs)) {
            return benchArgs;
        }
        List<String> drawn = new ArrayList<>(draw(seed));
        drawn.addAll(benchArgs);
        return drawn;
    }

    private static boolean fixesTheRun(List<String> args) {
        for (int i = 0; i < args.size(); i += 2) {
            if (!STORAGE_OPTIONS.contains(args.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code runs} seeds from {@code base}, one line per run on {@code out} (null for none). */
    public Report run(int runs, long base, PrintStream out) throws IOException {
        return run(runs, base, out, result -> { });
    }

    /** As {@link #run(int, long, int, PrintStream, Consumer)}, one run per core at a time. */
    public Report run(int runs, long base, PrintStream out, Consumer<SimResult> each) throws IOException {
        return run(runs, base, Runtime.getRuntime().availableProcessors(), out, each);
    }

    /**
     * As {@link #run(int, long, PrintStream)}, {@code jobs} runs at a time, handing each run's result to
     * {@code each} in seed order ({@link InSeedOrder}); the report keeps none of them (a 25-node history
     * is thousands of operations, a swarm thousands of runs).
     */
    public Report run(int runs, long base, int jobs, PrintStream out, Consumer<SimResult> each) throws IOException {
        long started = System.nanoTime();
        // A run's --store must be in a folder that exists; the default is the swarm's own, so it makes it
        // (a fresh clone has no store/ yet).
        if (!argsFor(base).contains("--store")) {
            Files.createDirectories(DEFAULT_STORE);
        }
        Tally tally = new Tally();
        InSeedOrder.run(runs, base, jobs, this::simulate, (result, seed) -> {
            each.accept(result);
            tally.add(seed, result);
            if (out != null) {
                out.printf("%-5s [%s] %s, %s (%d ms wall)%n", result.valid() ? "ok" : "FAIL",
                        String.join(" ", argsFor(seed)), ResultsReport.summary(result.bench()), result.convergenceText(), result.wallNanos() / 1_000_000);
            }
            if (!result.valid()) {
                tally.failed(seed, replayCommand(seed) + "   # " + String.join("; ", result.bench().reasons()));
            }
        });
        return new Report(runs, base, List.copyOf(tally.replays), List.copyOf(tally.failedSeeds), tally.worst,
                tally.worstSeed, tally.never, System.nanoTime() - started);
    }

    /** What a swarm's report keeps of its runs as they come in. */
    private static final class Tally {
        private final List<String> replays = new ArrayList<>();
        private final List<Long> failedSeeds = new ArrayList<>();
        private Duration worst;
        private long worstSeed = -1;
        private boolean never;

        void add(long seed, SimResult result) {
            if (result.convergence() == null) {
                never = true;
            } else if (worst == null || result.convergence().compareTo(worst) > 0) {
                worst = result.convergence();
                worstSeed = seed;
            }
        }

        void failed(long seed, String replay) {
            replays.add(replay);
            failedSeeds.add(seed);
        }
    }

    private SimResult simulate(long seed) throws IOException {
        return SimRun.simulate(withStoreDefaults(argsFor(seed)), seed, profile, overrides, plant,
                BenchRunner.defaultChecker(), true);
    }

    /** The command that replays the run with this seed bit for bit. */
    public String replayCommand(long seed) {
        return runCase(seed).command();
    }

    /** The run with this seed, complete. */
    public RunCase runCase(long seed) {
        return new RunCase(argsFor(seed), seed, profile, overrides, plant);
    }
}
