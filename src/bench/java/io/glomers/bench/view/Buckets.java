package io.glomers.bench.view;

/**
 * Time windows for the quantile and rate plots. Jepsen's are fixed (30 s for quantiles, 10 s for
 * rates), which gives a 20-second Maelstrom run one or two points per line; these are the widest
 * round width that still gives the plot its number of windows over the run ({@link #QUANTILES}:
 * enough for a curve; {@link #RATES}: fewer, wider windows, since at 10 operations a second a
 * one-second count is mostly noise).
 *
 * @param width seconds per window; a point is drawn at each window's middle, as Jepsen does
 */
public record Buckets(double width) {

    static final int QUANTILES = 12;
    static final int RATES = 6;
    private static final double[] WIDTHS = {0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600};

    public static Buckets over(double spanSeconds, int windows) {
        double chosen = WIDTHS[0];
        for (double width : WIDTHS) {
            if (spanSeconds / width >= windows) {
                chosen = width;
            }
        }
        return new Buckets(chosen);
    }

    public int index(double seconds) {
        return (int) Math.floor(seconds / width);
    }

    /** Where the window holding {@code seconds} ends: the time axis must reach its middle point. */
    public double end(double seconds) {
        return (index(seconds) + 1) * width;
    }

    public double middle(int index) {
        return index * width + width / 2;
    }

    /** "2 s", "0.5 s". */
    public String label() {
        return (width == Math.rint(width) ? String.valueOf((long) width) : String.valueOf(width)) + " s";
    }
}
