package io.glomers.frontier;

import io.glomers.bench.options.MainArguments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The adaptive sweep's command line.
 *
 * @param cells      the cells to run: the default grid or {@code --quick}'s three, or the {@code --cell ARGS} given
 *                   instead (repeatable), then those whose arguments match {@code --cells REGEX}
 * @param seed       the first seed ({@code --seed S}, default 1)
 * @param seedCount  {@code --seeds N}: every setting runs on seeds S to S+N-1 and meets only where all of them do
 * @param holdout    {@code --holdout H}: each cell's best fixed setting and the adaptive node run again on the H
 *                   seeds after those, which chose nothing ({@link Holdout}); 0, the default, runs none
 * @param fixedOnly  {@code --fixed-only}: the batching sweeps alone, for a build without the adaptive node
 * @param exhaustive {@code --exhaustive}: every fixed setting, not the staircase ({@link FixedSearch})
 * @param cache      {@code --cache FILE}: fixed settings' figures kept between invocations (null: none)
 * @param plots      where the PNGs go ({@code --plots DIR}, default docs; null with {@code --no-plots})
 */
record SweepOptions(List<Cell> cells, long seed, int seedCount, int holdout, Objective objective, boolean fixedOnly,
                    boolean exhaustive, Path cache, Path plots) {

    static final String USAGE = "AdaptiveSweep [--quick | --cell 'ARGS' ...] [--cells REGEX] [--seed S] [--seeds N] [--holdout H]"
            + " [--objective-median MS]"
            + " [--objective-max MS] [--fixed-only] [--exhaustive] [--cache FILE] [--plots DIR | --no-plots]";

    static SweepOptions parse(String... args) {
        boolean quick = false;
        String regex = "";
        List<Cell> ownCells = new ArrayList<>();
        long seed = 1;
        long seedCount = 1;
        long holdout = 0;
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
                case "--cell" -> ownCells.add(Cell.parse(value(args, ++i)));
                case "--seed" -> seed = number(args, ++i);
                case "--seeds" -> seedCount = number(args, ++i);
                case "--holdout" -> holdout = number(args, ++i);
                case "--objective-median" -> median = number(args, ++i);
                case "--objective-max" -> max = number(args, ++i);
                case "--cache" -> cache = Path.of(value(args, ++i));
                case "--plots" -> plots = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; " + USAGE);
            }
        }
        if (seedCount < 1 || seedCount > 100) {
            throw new IllegalArgumentException("--seeds takes 1 to 100, not " + seedCount);
        }
        if (holdout < 0 || holdout > 100) {
            throw new IllegalArgumentException("--holdout takes 0 to 100, not " + holdout);
        }
        if (holdout > 0 && fixedOnly) {
            throw new IllegalArgumentException("--holdout compares the adaptive node, which --fixed-only does not run");
        }
        return new SweepOptions(cells(quick, ownCells, regex), seed, (int) seedCount, (int) holdout, new Objective(median, max), fixedOnly, exhaustive, cache, plots);
    }

    /** The default grid, {@code --quick}'s three or the {@code --cell}s given, then those {@code --cells} matches. */
    private static List<Cell> cells(boolean quick, List<Cell> ownCells, String regex) {
        if (quick && !ownCells.isEmpty()) {
            throw new IllegalArgumentException("--quick and --cell each name the cells; give one of them");
        }
        List<Cell> grid = !ownCells.isEmpty() ? ownCells.stream().distinct().toList()
                : quick ? SweepGrid.quick() : SweepGrid.defaults();
        List<Cell> cells = SweepGrid.matching(grid, regex);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("no cell matches --cells '" + regex + "'");
        }
        return cells;
    }

    /** The seeds every setting runs on. */
    List<Long> seeds() {
        return LongStream.range(seed, seed + seedCount).boxed().toList();
    }

    /** The held-out seeds: the {@code holdout} after {@link #seeds}. */
    List<Long> heldOutSeeds() {
        return LongStream.range(seed + seedCount, seed + seedCount + holdout).boxed().toList();
    }

    /** "seed 1", or "seeds 1-3". */
    String seedsText() {
        return seedsText(seed, seedCount);
    }

    String heldOutText() {
        return seedsText(seed + seedCount, holdout);
    }

    private static String seedsText(long first, long count) {
        return count == 1 ? "seed " + first : "seeds " + first + "-" + (first + count - 1);
    }

    private static String value(String[] args, int i) {
        return MainArguments.value(args, i, USAGE);
    }

    private static long number(String[] args, int i) {
        return MainArguments.number(args, i, Long.MIN_VALUE, Long.MAX_VALUE, USAGE);
    }
}
