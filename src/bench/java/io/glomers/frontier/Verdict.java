package io.glomers.frontier;

/** How the adaptive node did in one cell against the target. */
enum Verdict {
    /** Meets the objective with at most {@link CellResult#MESSAGE_ALLOWANCE} x the best fixed setting's messages. */
    MEETS("meets"),
    /** Misses the objective, or meets it with more messages than allowed, where a fixed setting met it. */
    MISSES("MISSES"),
    /** No fixed setting met the objective here: the target does not judge the cell. */
    NO_FIXED_MEETS("no fixed setting meets"),
    /** Under partitions stable latency counts the partitions' length, so only validity is judged. */
    VALID_UNDER_PARTITIONS("valid (partitions: no latency objective)"),
    INVALID("INVALID"),
    /** The adaptive node did not run (--fixed-only, or a build without it). */
    NOT_RUN("adaptive not run");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** Whether the cell counts towards "the target holds in k of n cells". */
    boolean judged() {
        return this == MEETS || this == MISSES;
    }

    @Override
    public String toString() {
        return text;
    }
}
