package io.glomers.frontier;

/**
 * A stable-latency objective, as Maelstrom's checker measures stable latency: a run meets it when
 * it is valid and its median and maximum are both strictly below the bounds (3d's targets are
 * {@code < 400} and {@code < 600} ms, the default).
 */
public record Objective(long medianMillis, long maxMillis) {

    public static final Objective DEFAULT = new Objective(400, 600);

    public Objective {
        if (medianMillis <= 0 || maxMillis < medianMillis) {
            throw new IllegalArgumentException("an objective needs 0 < median <= max, not median "
                    + medianMillis + " ms, max " + maxMillis + " ms");
        }
    }

    public boolean metBy(Figures figures) {
        return figures.valid() && figures.medianMillis() < medianMillis && figures.maxMillis() < maxMillis;
    }

    @Override
    public String toString() {
        return "median < " + medianMillis + " ms, max < " + maxMillis + " ms";
    }
}
