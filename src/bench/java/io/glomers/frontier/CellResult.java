package io.glomers.frontier;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One cell of the adaptive sweep, complete: the adaptive node's trial, the fixed trials, and the best
 * fixed one (for a partitioned cell: the best setting of its twin without partitions, run under the
 * partitions, since no setting meets a latency objective there).
 */
record CellResult(Cell cell, Objective objective, Trial adaptive, List<Trial> fixed, Optional<Trial> bestFixed) {

    /** The target: at most 1.15 x the best fixed setting's servers msgs-per-op. */
    static final double MESSAGE_ALLOWANCE = 1.15;

    CellResult {
        fixed = List.copyOf(fixed);
    }

    /** Adaptive msgs-per-op over the best fixed setting's, when both ran. */
    OptionalDouble ratio() {
        if (adaptive.figures() == null || bestFixed.isEmpty() || bestFixed.get().figures() == null) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(adaptive.figures().msgsPerOp() / bestFixed.get().figures().msgsPerOp());
    }

    Verdict verdict() {
        // Whether a fixed setting meets the objective does not depend on the adaptive node: said first.
        if (!cell.partitions() && bestFixed.isEmpty()) {
            return Verdict.NO_FIXED_MEETS;
        }
        if (adaptive.figures() == null) {
            return Verdict.NOT_RUN;
        }
        if (cell.partitions()) {
            return adaptive.figures().valid() ? Verdict.VALID_UNDER_PARTITIONS : Verdict.INVALID;
        }
        boolean cheapEnough = adaptive.figures().msgsPerOp()
                <= MESSAGE_ALLOWANCE * bestFixed.get().figures().msgsPerOp();
        return adaptive.meets(objective) && cheapEnough ? Verdict.MEETS : Verdict.MISSES;
    }
}
