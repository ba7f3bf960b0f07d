package io.glomers.frontier;

import io.glomers.bench.options.MainArguments;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The adaptive node against the best fixed setting (issue 22): for each cell of a grid of Maelstrom
 * arguments, a simulated run of the adaptive node ({@code broadcast.strategy=adaptive}, given the
 * objective) beside the cheapest fixed batching setting that meets the same objective
 * ({@link FixedSearch}). Prints a markdown table on stdout, progress on stderr, and draws
 * {@code adaptive-sweep.png} (adaptive against best fixed, every cell) and {@code adaptive-3d.png}
 * (3d's cell on the frontier, published results beside it).
 *
 * <pre>
 * java -cp ... io.glomers.frontier.AdaptiveSweep [--quick | --cell 'ARGS' ...] [--cells REGEX] [--seed S] [--seeds N] [--holdout H]
 *     [--objective-median MS] [--objective-max MS] [--fixed-only] [--exhaustive] [--cache FILE]
 *     [--plots DIR | --no-plots]
 * </pre>
 */
public final class AdaptiveSweep {

    /** Part 3d's own arguments: its cell is drawn on the frontier beside the published results. */
    static final Cell PART_3D = new Cell(25, 100, "constant", 100, false);

    private final SweepOptions options;
    private final SimTrials trials;
    private final SimTrials heldOut;
    private final PrintStream progress;
    /** The best fixed setting of each cell without partitions, for its partitioned twin. */
    private final Map<Cell, Optional<Setting>> bestSettings = new HashMap<>();

    private AdaptiveSweep(SweepOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
        TrialCache cache = new TrialCache(options.cache());
        this.trials = new SimTrials(options.seeds(), cache, progress);
        this.heldOut = options.holdout() > 0 ? new SimTrials(options.heldOutSeeds(), cache, progress) : null;
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        // Whatever a node or Spring prints stays off the table.
        System.setOut(System.err);
        // Hundreds of runs start thousands of nodes; their INFO lines would bury the progress
        // (-Dlogging.level.io.glomers=INFO shows them, e.g. what the adaptive node chose).
        if (System.getProperty("logging.level.io.glomers") == null) {
            System.setProperty("logging.level.io.glomers", "WARN");
        }
        SweepOptions options;
        try {
            options = SweepOptions.parse(args);
        } catch (IllegalArgumentException e) {
            MainArguments.refuse("AdaptiveSweep", e.getMessage());
            return;
        }
        long started = System.nanoTime();
        AdaptiveSweep sweep = new AdaptiveSweep(options, System.err);
        List<CellResult> results = sweep.run(out);
        out.println();
        out.println(SweepReport.summary(results, options.objective()));
        if (sweep.heldOut != null) {
            sweep.holdout(results, out);
        }
        out.printf(Locale.ROOT, "%d cells, %s, %.1f min wall%n", results.size(), options.seedsText(),
                (System.nanoTime() - started) / 60e9);
        if (options.plots() != null) {
            draw(results, options, out);
        }
        out.flush();
        System.exit(0);
    }

    private List<CellResult> run(PrintStream out) {
        out.println(SweepReport.HEADER);
        out.flush();
        List<CellResult> results = new ArrayList<>();
        List<Cell> cells = options.cells();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            long started = System.nanoTime();
            progress.printf("cell %d/%d: %s%n", i + 1, cells.size(), cell);
            CellResult result = cell.partitions() ? partitioned(cell) : unpartitioned(cell);
            results.add(result);
            out.println(SweepReport.row(result));
            out.flush();
            progress.printf(Locale.ROOT, "cell %d/%d done in %.1f s: %s%n", i + 1, cells.size(),
                    (System.nanoTime() - started) / 1e9, result.verdict());
        }
        return results;
    }

    /** The best fixed settings and the adaptive node on the held-out seeds ({@link Holdout}): a second table. */
    private void holdout(List<CellResult> results, PrintStream out) {
        out.println();
        out.println(Holdout.HEADER);
        out.flush();
        List<Holdout> holdouts = new ArrayList<>();
        for (CellResult result : results) {
            progress.printf("held out %s: %s%n", options.heldOutText(), result.cell());
            Holdout.of(result, heldOut).ifPresent(holdout -> {
                holdouts.add(holdout);
                out.println(holdout.row(options.objective()));
                out.flush();
            });
        }
        out.println();
        out.println(Holdout.summary(holdouts, options.objective(), options.heldOutText()));
    }

    private CellResult unpartitioned(Cell cell) {
        Trial adaptive = adaptive(cell);
        List<Trial> fixed = search(cell);
        return new CellResult(cell, options.objective(), adaptive, fixed, FixedSearch.best(fixed, options.objective()));
    }

    /** Judged on validity; the twin's best setting, run under the same partitions, shows what it costs there. */
    private CellResult partitioned(Cell cell) {
        Trial adaptive = adaptive(cell);
        Cell twin = cell.withoutPartitions();
        if (!bestSettings.containsKey(twin)) {
            search(twin);
        }
        Optional<Trial> reference = bestSettings.get(twin)
                .map(setting -> trials.fixed(cell, setting.labelled(setting.label() + " (best without partitions)")))
                .filter(trial -> trial.figures() != null);
        return new CellResult(cell, options.objective(), adaptive, reference.stream().toList(), reference);
    }

    private List<Trial> search(Cell cell) {
        List<Trial> fixed = new FixedSearch(options.objective(), setting -> trials.fixed(cell, setting),
                options.exhaustive()).run();
        bestSettings.put(cell, FixedSearch.best(fixed, options.objective()).map(Trial::setting));
        return fixed;
    }

    private Trial adaptive(Cell cell) {
        Setting adaptive = Setting.adaptive(options.objective());
        return options.fixedOnly() ? Trial.failed(adaptive, "not run: --fixed-only") : trials.run(cell, adaptive);
    }

    private static void draw(List<CellResult> results, SweepOptions options, PrintStream out) throws Exception {
        Files.createDirectories(options.plots());
        String objective = "objective " + options.objective() + ", simulated, " + options.seedsText();
        Path sweep = options.plots().resolve("adaptive-sweep.png");
        if (AdaptivePlot.write(results, "Adaptive node against the best fixed setting per cell; " + objective, sweep)) {
            out.println("wrote " + sweep);
        } else {
            out.println("adaptive-sweep.png not drawn: no cell has both an adaptive run and a fixed setting that meets");
        }
        Optional<CellResult> part3d = results.stream().filter(result -> result.cell().equals(PART_3D)).findFirst();
        if (part3d.isPresent()) {
            Path frontier = options.plots().resolve("adaptive-3d.png");
            FrontierPlot.write(frontierPoints(part3d.get()), "3d load: the fixed settings that meet "
                    + options.objective() + ", the adaptive node, published results", frontier);
            out.println("wrote " + frontier);
        }
    }

    /** The published points, the fixed trials that met the objective (the rest only crowd the picture), the adaptive one. */
    static List<FrontierPlot.Point> frontierPoints(CellResult result) {
        List<FrontierPlot.Point> points = new ArrayList<>(FrontierPlot.published());
        List<Trial> ours = new ArrayList<>(result.fixed().stream().filter(trial -> trial.meets(result.objective())).toList());
        ours.add(result.adaptive());
        for (Trial trial : ours) {
            if (trial.figures() != null) {
                points.add(new FrontierPlot.Point(trial.setting().label(), trial.figures().msgsPerOp(),
                        trial.figures().medianMillis(), trial.figures().maxMillis(), true));
            }
        }
        return points;
    }
}
