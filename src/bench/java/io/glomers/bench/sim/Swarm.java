package io.glomers.bench.sim;

import io.glomers.bench.BenchRunner;
import io.glomers.bench.report.ResultsReport;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Many seeded runs on virtual time: run {@code i} has seed {@code base + i} and, unless the caller
 * fixes the bench arguments, the mix entry the seed picks. Keeps nothing on disk but failed runs.
 *
 * @param profile   the node's Spring profile (blank for the defaults)
 * @param overrides node properties, {@code name=value}
 * @param benchArgs fixed bench arguments for every run; empty to cycle through {@code mix}
 * @param mix       bench argument lines, one per part and fault mix
 */
public record Swarm(String profile, List<String> overrides, List<String> benchArgs, List<String> mix) {

    /**
     * The challenge's multi-node parts with and without faults; one line per mix, so adding a
     * nemesis (e.g. {@code 3d --nemesis partition,kill,pause}) is one more line.
     */
    public static final List<String> MIX = List.of(
            "3b",
            "3c",
            "3d --nemesis partition",
            "3e --nemesis partition --latency-dist exponential",
            "3c --nemesis-interval 3",
            "3d",
            "3c --duplicate-probability 0.1 --reorder-probability 0.2",
            "3d --nemesis partition --duplicate-probability 0.05 --reorder-probability 0.1",
            "3b --delay-spike-probability 0.05 --delay-spike 2000 --latency 50 --latency-dist uniform",
            "3e --nemesis partition --delay-spike-probability 0.02 --delay-spike 3000",
            "3c --nemesis partition,kill,pause --nemesis-interval 3",
            "3d --nemesis partition,kill,pause");

    /** The outcome of a swarm. */
    public record Report(int runs, long base, List<String> replays, Duration worstConvergence,
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

    /** The bench arguments of the run with this seed. */
    public List<String> argsFor(long seed) {
        if (!benchArgs.isEmpty()) {
            return benchArgs;
        }
        return Arrays.asList(mix.get((int) Math.floorMod(seed, (long) mix.size())).split(" "));
    }

    /** Runs {@code runs} seeds from {@code base}, one line per run on {@code out} (null for none). */
    public Report run(int runs, long base, PrintStream out) throws IOException {
        return run(runs, base, out, result -> { });
    }

    /**
     * As {@link #run(int, long, PrintStream)}, handing each run's result to {@code each}; the report
     * keeps none of them (a 25-node history is thousands of operations, a swarm thousands of runs).
     */
    public Report run(int runs, long base, PrintStream out, Consumer<SimResult> each) throws IOException {
        long started = System.nanoTime();
        List<String> replays = new ArrayList<>();
        Duration worst = null;
        long worstSeed = -1;
        boolean never = false;
        for (int i = 0; i < runs; i++) {
            long seed = base + i;
            List<String> args = new ArrayList<>(argsFor(seed));
            if (!args.contains("--store-runs")) {
                args.addAll(List.of("--store", "store/sim", "--store-runs", "failed"));
            }
            SimResult result = SimRun.simulate(args, seed, profile, overrides, BenchRunner.defaultChecker(), true);
            each.accept(result);
            if (result.convergence() == null) {
                never = true;
            } else if (worst == null || result.convergence().compareTo(worst) > 0) {
                worst = result.convergence();
                worstSeed = seed;
            }
            if (out != null) {
                out.printf("%-5s [%s] %s, %s (%d ms wall)%n", result.valid() ? "ok" : "FAIL",
                        String.join(" ", argsFor(seed)), ResultsReport.summary(result.bench()), result.convergenceText(), result.wallNanos() / 1_000_000);
            }
            if (!result.valid()) {
                replays.add(replayCommand(seed) + "   # " + String.join("; ", result.bench().reasons()));
            }
        }
        return new Report(runs, base, List.copyOf(replays), worst, worstSeed, never,
                System.nanoTime() - started);
    }

    /** The command that replays the run with this seed bit for bit. */
    public String replayCommand(long seed) {
        StringBuilder command = new StringBuilder("bin/challenge sim --runs 1 --seed ").append(seed);
        if (!profile.isBlank()) {
            command.append(" --profile ").append(profile);
        }
        overrides.forEach(override -> command.append(" --node-property ").append(override));
        return command.append(' ').append(String.join(" ", argsFor(seed))).toString();
    }
}
