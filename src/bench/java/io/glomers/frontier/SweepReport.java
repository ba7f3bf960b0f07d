package io.glomers.frontier;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The adaptive sweep's table (markdown, one row per cell) and its summary line. */
final class SweepReport {

    static final String HEADER = """
            | cell | adaptive msgs-per-op | median / max ms | valid | best fixed setting | msgs-per-op | median / max ms | ratio | verdict |
            |---|---|---|---|---|---|---|---|---|""";

    private SweepReport() {
    }

    static String row(CellResult result) {
        String adaptive = result.adaptive().figures() == null ? "- | - | -" : figures(result.adaptive().figures(), true);
        String fixed = result.bestFixed().map(best -> best.setting().label() + " | " + figures(best.figures(), false))
                .orElse("none meets | - | -");
        String ratio = result.ratio().isPresent() ? String.format(Locale.ROOT, "%.2f", result.ratio().getAsDouble()) : "-";
        return "| " + result.cell().label() + " | " + adaptive + " | " + fixed + " | " + ratio + " | " + result.verdict() + " |";
    }

    private static String figures(Figures figures, boolean withValidity) {
        String text = String.format(Locale.ROOT, "%.2f | %d / %d", figures.msgsPerOp(), figures.medianMillis(),
                figures.maxMillis());
        return withValidity ? text + " | " + (figures.valid() ? "yes" : "NO") : text;
    }

    /**
     * "target holds in 40 of 42 cells where a fixed setting meets the objective; ..." with the cells
     * the target does not judge counted apart.
     */
    static String summary(List<CellResult> results, Objective objective) {
        long judged = count(results, result -> result.verdict().judged());
        long holds = count(results, result -> result.verdict() == Verdict.MEETS);
        long unmet = count(results, result -> result.verdict() == Verdict.NO_FIXED_MEETS);
        long partitioned = count(results, result -> result.cell().partitions() && result.adaptive().figures() != null);
        long partitionedValid = count(results, result -> result.verdict() == Verdict.VALID_UNDER_PARTITIONS);
        long notRun = count(results, result -> result.verdict() == Verdict.NOT_RUN);
        return String.format(Locale.ROOT, "objective %s: target (meets it, at most %.2fx the best fixed setting's"
                        + " msgs-per-op) holds in %d of %d cells where a fixed setting meets it; no fixed setting meets it"
                        + " in %d; under partitions the adaptive node is valid in %d of %d; adaptive not run in %d",
                objective, CellResult.MESSAGE_ALLOWANCE, holds, judged, unmet, partitionedValid, partitioned, notRun);
    }

    private static long count(List<CellResult> results, Predicate<CellResult> which) {
        return results.stream().filter(which).count();
    }
}
