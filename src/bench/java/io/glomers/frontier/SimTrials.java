package io.glomers.frontier;

import io.glomers.bench.run.BenchRunner;
import io.glomers.bench.sim.SimResult;
import io.glomers.bench.sim.SimRun;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a setting in a cell on the simulator (virtual time: the figures do not depend on the
 * machine's load, only the wall time does), checked by the bench, and says each run's figures and
 * wall time on {@code progress}. {@link SimRun#simulate} rather than a bare runner: it starts the
 * nodes as the launcher does (acknowledgement journal on) and scales the hang guard with the rate.
 */
final class SimTrials {

    private final long seed;
    private final TrialCache cache;
    private final PrintStream progress;

    SimTrials(long seed, TrialCache cache, PrintStream progress) {
        this.seed = seed;
        this.cache = cache;
        this.progress = progress;
    }

    /** A fixed setting: from the cache when it holds this run. */
    Trial fixed(Cell cell, Setting setting) {
        return cache.get(seed, cell, setting).map(figures -> {
            say(cell, setting, figures, " (cached)");
            return Trial.ran(setting, figures);
        }).orElseGet(() -> {
            Trial trial = run(cell, setting);
            if (trial.figures() != null) {
                cache.put(seed, cell, setting, trial.figures());
            }
            return trial;
        });
    }

    /** Any setting, run now. A node that cannot start (e.g. an unknown strategy) is a failed trial, not an abort. */
    Trial run(Cell cell, Setting setting) {
        List<String> arguments = new ArrayList<>(cell.arguments());
        arguments.addAll(List.of("--store-runs", "none"));
        try {
            SimResult result = SimRun.simulate(arguments, seed, "", setting.properties(), BenchRunner.defaultChecker(), true);
            Figures figures = Figures.of(result.bench(), result.wallNanos() / 1_000_000);
            say(cell, setting, figures, "");
            return Trial.ran(setting, figures);
        } catch (Exception | AssertionError e) {
            String why = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
            progress.printf("  %s | %s: did not run: %s%n", cell.label(), setting.label(), why);
            return Trial.failed(setting, why);
        }
    }

    private void say(Cell cell, Setting setting, Figures figures, String note) {
        progress.printf(Locale.ROOT, "  %s | %s: %.2f msgs-per-op, %d / %d ms, %s, %.1f s wall%s%n", cell.label(),
                setting.label(), figures.msgsPerOp(), figures.medianMillis(), figures.maxMillis(),
                figures.valid() ? "valid" : "INVALID", figures.wallMillis() / 1000.0, note);
        progress.flush();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
