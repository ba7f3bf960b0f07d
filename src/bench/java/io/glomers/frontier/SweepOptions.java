package io.glomers.frontier;

import java.nio.file.Path;
import java.util.List;

/**
 * The adaptive sweep's command line.
 *
 * @param cells      the cells to run (the default grid, {@code --quick}'s three, then {@code --cells REGEX})
 * @param fixedOnly  {@code --fixed-only}: the batching sweeps alone, for a build without the adaptive node
 * @param exhaustive {@code --exhaustive}: every fixed setting, not the staircase ({@link FixedSearch})
 * @param cache      {@code --cache FILE}: fixed settings' figures kept between invocations (null: none)
 * @param plots      where the PNGs go ({@code --plots DIR}, default docs; null with {@code --no-plots})
 */
record SweepOptions(List<Cell> cells, long seed, Objective objective, boolean fixedOnly, boolean exhaustive,
                    Path cache, Path plots) {

    static final String USAGE = "AdaptiveSweep [--quick] [--cells REGEX] [--seed S] [--objective-median MS]"
            + " [--objective-max MS] [--fixed-only] [--exhaustive] [--cache FILE] [--plots DIR | --no-plots]";

    static SweepOptions parse(String... args) {
        boolean quick = false;
        String regex = "";
        long seed = 1;
        long median = Objective.DEFAULT.medianMillis();
        long max = Objective.DEFAULT.maxMillis();
        boolean fixedOnly = false;
        boolean exhaustive = false;
        Path cache = null;
        Path plots = Path.of("docs");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--fixed-only" -> fixedOnly = true;
                case "--exhaustive" -> exhaustive = true;
                case "--no-plots" -> plots = null;
                case "--cells" -> regex = value(args, ++i);
                case "--seed" -> seed = number(args, ++i);
                case "--objective-median" -> median = number(args, ++i);
                case "--objective-max" -> max = number(args, ++i);
                case "--cache" -> cache = Path.of(value(args, ++i));
                case "--plots" -> plots = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; " + USAGE);
            }
        }
        List<Cell> cells = SweepGrid.matching(quick ? SweepGrid.quick() : SweepGrid.defaults(), regex);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("no cell matches --cells '" + regex + "'");
        }
        return new SweepOptions(cells, seed, new Objective(median, max), fixedOnly, exhaustive, cache, plots);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value; " + USAGE);
        }
        return args[i];
    }

    private static long number(String[] args, int i) {
        String value = value(args, i);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(args[i - 1] + " takes a whole number, not '" + value + "'", e);
        }
    }
}
