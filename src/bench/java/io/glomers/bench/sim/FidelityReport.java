package io.glomers.bench.sim;

import io.glomers.bench.run.BenchResult;
import io.glomers.bench.run.BenchRunner;
import io.glomers.bench.check.MaelstromRuns;
import io.glomers.bench.options.MainArguments;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints how the simulator's figures compare with this project's node under real Maelstrom (the
 * {@code node-3d-*} reference runs): {@code FidelityReport [--seeds N] [--seed S] [--references SETUP]
 * [--bench OPTION VALUE]... [profile...]}; {@code --references jvm-per-node} compares with the runs of
 * 2026-12-01, when every node had a JVM of its own ({@code node-3d-*-jvm-per-node}).
 * {@code FidelityReport --fresh [--seeds N] ["ARGUMENTS"...]} runs real Maelstrom itself instead, beside the
 * real-time bench and the simulator, on the given argument sets or its own ({@link FreshFidelity});
 * {@code --fresh --kept} judges the runs the last {@code --fresh} kept under {@code target/fidelity/}
 * again, running only the simulator (after a change to the simulator); {@code --fresh --real-runs N --reuse}
 * counts the runs a set keeps toward N and runs only the rest. {@code --seed} is the first
 * simulated seed.
 * {@code --bench} adds a bench option to every simulated run (e.g. {@code --bench --cpu-cores 0}: no CPU model).
 * Each profile runs the reference's arguments (3d) over N seeds; the mean is compared, and the
 * spread over seeds is printed beside it. Exit status 1 when a figure misses its tolerance
 * ({@link Fidelity}), 2 for bad arguments ({@link FidelityOptions}: said in one line, no stack trace).
 */
public final class FidelityReport {

    private FidelityReport() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        System.setOut(System.err);
        if (System.getProperty("logging.level.io.glomers") == null) {
            System.setProperty("logging.level.io.glomers", "WARN");
        }
        FidelityOptions options;
        try {
            options = FidelityOptions.parse(args);
        } catch (IllegalArgumentException e) {
            MainArguments.refuse("FidelityReport", e.getMessage());
            return;
        }
        if (options.fresh()) {
            List<String> sets = options.names().isEmpty() ? FreshFidelity.DEFAULT_SETS : options.names();
            FreshFidelity.Simulation simulation = new FreshFidelity.Simulation(options.firstSeed(), options.seeds(),
                    options.benchOptions());
            if (!options.kept()) {
                System.exit(FreshFidelity.report(sets, simulation, options.realRuns(), options.reuse(), out) ? 0 : 1);
            }
            try {
                System.exit(FreshFidelity.reportKept(sets, simulation, out) ? 0 : 1);
            } catch (IllegalStateException e) {
                MainArguments.refuse("FidelityReport", e.getMessage());
            }
            return;
        }
        System.exit(againstReferences(options.names(), options.references(), options.firstSeed(), options.seeds(),
                options.benchOptions(), out) ? 0 : 1);
    }

    /** Each profile's simulated mean against its reference run of {@code references}; true when all are within tolerance. */
    private static boolean againstReferences(List<String> profiles, ReferenceSetup references, long first, int seeds,
                                             List<String> extra, PrintStream out) throws Exception {
        if (profiles.isEmpty()) {
            profiles = FidelityOptions.PROFILES;
        }
        List<String> options = new ArrayList<>(references.costs().asOptions());
        options.addAll(extra);
        boolean held = true;
        for (String profile : profiles) {
            RunFigures real = RunFigures.ofMaelstromRun(MaelstromRuns.dir(references.folder(profile)));
            List<RunFigures> runs = simulate(profile, first, seeds, options);
            RunFigures mean = RunFigures.mean(runs);
            List<String> misses = Fidelity.misses(mean, real);
            held &= misses.isEmpty();
            out.println(profile + " (simulated mean of " + seeds + " seeds / real): " + Fidelity.compare(mean, real));
            out.println("  spread: stable median " + range(runs, RunFigures::stableMedian)
                    + " ms, max " + range(runs, RunFigures::stableMax) + " ms, ops " + range(runs, RunFigures::operations)
                    + (misses.isEmpty() ? "; within tolerance" : "; MISSED: " + String.join("; ", misses)));
            out.flush();
        }
        return held;
    }

    /** The reference's arguments (3d), {@code seeds} seeds from {@code first}, nothing written. */
    static List<RunFigures> simulate(String profile, long first, int seeds, List<String> extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("3d", "--store-runs", "none"));
        args.addAll(extra);
        List<RunFigures> runs = new ArrayList<>();
        for (long seed = first; seed < first + seeds; seed++) {
            BenchResult result = SimRun.run(args, seed, profile, BenchRunner.defaultChecker(), true);
            if (!result.valid()) {
                throw new IllegalStateException(profile + " seed " + seed + " is not valid: " + result.reasons());
            }
            runs.add(RunFigures.of(result));
        }
        return runs;
    }

    private static String range(List<RunFigures> runs, java.util.function.ToLongFunction<RunFigures> figure) {
        long min = runs.stream().mapToLong(figure).min().orElse(0);
        long max = runs.stream().mapToLong(figure).max().orElse(0);
        return min == max ? Long.toString(min) : min + "-" + max;
    }
}
