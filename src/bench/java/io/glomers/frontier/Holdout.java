package io.glomers.frontier;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Each cell's best fixed setting and the adaptive node, run again on seeds that chose nothing
 * ({@code --holdout H}). The best fixed setting is the cheapest of up to 33 that met the objective on
 * every seed of the sweep, so on a heavy-tailed network it is partly the one that drew the kindest
 * delays, and it meets less often on other seeds; the adaptive node chose nothing by those seeds. On
 * held-out seeds both are judged alike: on how many runs each meets the objective, at what mean cost.
 *
 * @param cell     the cell (without partitions: with them there is no latency objective)
 * @param fixed    the best fixed setting's run on each held-out seed
 * @param adaptive the adaptive node's
 */
record Holdout(Cell cell, List<Trial> fixed, List<Trial> adaptive) {

    static final String HEADER = """
            | cell | best fixed setting | meets on | msgs-per-op | worst median / max ms | adaptive meets on | msgs-per-op | worst median / max ms |
            |---|---|---|---|---|---|---|---|""";

    Holdout {
        fixed = List.copyOf(fixed);
        adaptive = List.copyOf(adaptive);
    }

    /** The cell's runs on the held-out seeds; empty where no fixed setting met the objective on the sweep's seeds. */
    static Optional<Holdout> of(CellResult result, SimTrials heldOut) {
        if (result.cell().partitions() || result.bestFixed().isEmpty() || result.adaptive().figures() == null) {
            return Optional.empty();
        }
        Setting best = result.bestFixed().get().setting();
        return Optional.of(new Holdout(result.cell(), heldOut.fixedEach(result.cell(), best),
                heldOut.runEach(result.cell(), result.adaptive().setting())));
    }

    String row(Objective objective) {
        return "| " + cell.label() + " | " + fixed.get(0).setting().label() + " | " + figures(fixed, objective) + " | "
                + figures(adaptive, objective) + " |";
    }

    /** "held out seeds 4-23: the best fixed settings met median < 400 ms, max < 600 ms on 70 of 80 runs, the adaptive node on 64 of 80". */
    static String summary(List<Holdout> holdouts, Objective objective, String seedsText) {
        long fixedMet = holdouts.stream().mapToLong(holdout -> meeting(holdout.fixed, objective)).sum();
        long fixedRuns = holdouts.stream().mapToLong(holdout -> holdout.fixed.size()).sum();
        long adaptiveMet = holdouts.stream().mapToLong(holdout -> meeting(holdout.adaptive, objective)).sum();
        long adaptiveRuns = holdouts.stream().mapToLong(holdout -> holdout.adaptive.size()).sum();
        return String.format(Locale.ROOT, "held out %s: the best fixed settings met %s on %d of %d runs, the adaptive"
                + " node on %d of %d", seedsText, objective, fixedMet, fixedRuns, adaptiveMet, adaptiveRuns);
    }

    private static long meeting(List<Trial> runs, Objective objective) {
        return runs.stream().filter(trial -> trial.meets(objective)).count();
    }

    /** "17 of 20 | 0.42 | 211 / 742", or the failure of a run that did not finish. */
    private static String figures(List<Trial> runs, Objective objective) {
        Optional<Trial> failed = runs.stream().filter(trial -> trial.figures() == null).findFirst();
        if (failed.isPresent()) {
            return "did not run: " + failed.get().failure() + " | - | -";
        }
        Figures worst = Figures.worstOf(runs.stream().map(Trial::figures).toList());
        return String.format(Locale.ROOT, "%d of %d | %.2f | %d / %d", meeting(runs, objective), runs.size(),
                worst.msgsPerOp(), worst.medianMillis(), worst.maxMillis());
    }
}
