package io.glomers.frontier;

/**
 * One setting run in one cell: its figures, or why it could not run (a node that fails to start,
 * e.g. a strategy this build does not have); exactly one of the two is null.
 */
public record Trial(Setting setting, Figures figures, String failure) {

    public static Trial ran(Setting setting, Figures figures) {
        return new Trial(setting, figures, null);
    }

    public static Trial failed(Setting setting, String failure) {
        return new Trial(setting, null, failure);
    }

    public boolean meets(Objective objective) {
        return figures != null && objective.metBy(figures);
    }
}
