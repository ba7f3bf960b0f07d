package io.glomers.frontier;

import io.glomers.bench.run.BenchRunner;
import io.glomers.bench.sim.InSeedOrder;
import io.glomers.bench.sim.SimResult;
import io.glomers.bench.sim.SimRun;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Runs a setting in a cell on the simulator (virtual time: the figures do not depend on the
 * machine's load, only the wall time does), checked by the bench, and says each run's figures and
 * wall time on {@code progress}. {@link SimRun#simulate} rather than a bare runner: it starts the
 * nodes as the launcher does (acknowledgement journal on) and scales the hang guard with the rate.
 * With several seeds a setting meets a cell only where every seed's run meets it: one seed's draw of
 * an exponential network is a lottery, and a setting that met by luck is not one a user can rely on.
 * The seeds of a setting run side by side, one per core; a run is a function of its seed, so that
 * changes the wall time only.
 */
final class SimTrials {

    private final List<Long> seeds;
    private final TrialCache cache;
    private final PrintStream progress;

    /** Every setting runs once per seed, and a trial is the {@linkplain Figures#worstOf worst} of its runs. */
    SimTrials(List<Long> seeds, TrialCache cache, PrintStream progress) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a trial needs at least one seed");
        }
        this.seeds = List.copyOf(seeds);
        this.cache = cache;
        this.progress = progress;
    }

    /** A fixed setting: each seed's run from the cache when it holds it. */
    Trial fixed(Cell cell, Setting setting) {
        return combined(fixedEach(cell, setting));
    }

    /** Any setting, run now on every seed. */
    Trial run(Cell cell, Setting setting) {
        return combined(runEach(cell, setting));
    }

    /** A fixed setting's run on each seed, from the cache when it holds it; up to the first that failed. */
    List<Trial> fixedEach(Cell cell, Setting setting) {
        return each(seed -> cache.get(seed, cell, setting).map(figures -> {
            say(cell, setting, seed, figures, " (cached)");
            return Trial.ran(setting, figures);
        }).orElseGet(() -> {
            Trial trial = run(cell, setting, seed);
            if (trial.figures() != null) {
                cache.put(seed, cell, setting, trial.figures());
            }
            return trial;
        }));
    }

    /** Any setting's run on each seed, run now; up to the first that failed. */
    List<Trial> runEach(Cell cell, Setting setting) {
        return each(seed -> run(cell, setting, seed));
    }

    /** The seeds' runs, one per core at a time ({@link InSeedOrder}), kept up to the first that failed. */
    private List<Trial> each(LongFunction<Trial> runOnSeed) {
        List<Trial> ran = new ArrayList<>();
        try {
            InSeedOrder.run(seeds, Runtime.getRuntime().availableProcessors(), runOnSeed::apply, (trial, seed) -> ran.add(trial));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Trial> trials = new ArrayList<>();
        for (Trial trial : ran) {
            trials.add(trial);
            if (trial.figures() == null) {
                break;
            }
        }
        return trials;
    }

    /** The seeds' runs as one trial: the {@linkplain Figures#worstOf worst} of them, or the first failure. */
    private static Trial combined(List<Trial> trials) {
        Optional<Trial> failed = trials.stream().filter(trial -> trial.figures() == null).findFirst();
        return failed.orElseGet(() -> Trial.ran(trials.get(0).setting(),
                Figures.worstOf(trials.stream().map(Trial::figures).toList())));
    }

    /** A node that cannot start (e.g. an unknown strategy) is a failed trial, not an abort. */
    private Trial run(Cell cell, Setting setting, long seed) {
        List<String> arguments = new ArrayList<>(cell.arguments());
        arguments.addAll(List.of("--store-runs", "none"));
        try {
            SimResult result = SimRun.simulate(arguments, seed, "", setting.properties(), BenchRunner.defaultChecker(), true);
            Figures figures = Figures.of(result.bench(), result.wallNanos() / 1_000_000);
            say(cell, setting, seed, figures, "");
            return Trial.ran(setting, figures);
        } catch (Exception | AssertionError e) {
            String why = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
            progress.printf("  %s | %s, seed %d: did not run: %s%n", cell.label(), setting.label(), seed, why);
            return Trial.failed(setting, why);
        }
    }

    private void say(Cell cell, Setting setting, long seed, Figures figures, String note) {
        String which = seeds.size() > 1 ? setting.label() + ", seed " + seed : setting.label();
        progress.printf(Locale.ROOT, "  %s | %s: %.2f msgs-per-op, %d / %d ms, %s, %.1f s wall%s%n", cell.label(),
                which, figures.msgsPerOp(), figures.medianMillis(), figures.maxMillis(),
                figures.valid() ? "valid" : "INVALID", figures.wallMillis() / 1000.0, note);
        progress.flush();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
