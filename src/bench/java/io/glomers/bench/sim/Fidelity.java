package io.glomers.bench.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * How close the bench must come to real Maelstrom on the same arguments and node profile: servers
 * msgs-per-op within 10 %, stable latency median within 15 % and maximum within 20 %, client
 * operation latency median within 30 % or 5 ms (a few milliseconds of process overhead are below
 * what any run can tell apart).
 */
public final class Fidelity {

    private Fidelity() {
    }

    /** A judged figure: how to read it from a run, and how far a prediction may be from the real one. */
    private record Figure(String name, ToDoubleFunction<RunFigures> value, String format, double tolerance, double absolute) {

        String shown(double figure) {
            return String.format(Locale.ROOT, format, figure);
        }

        /** Whether {@code off} from {@code real} is beyond the tolerance. */
        boolean beyond(double off, double real) {
            return off > tolerance * real && off > absolute;
        }

        String tolerated() {
            return String.format(Locale.ROOT, "tolerance %.0f %%%s", 100 * tolerance, absolute > 0 ? " or " + shown(absolute) : "");
        }
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("servers msgs-per-op", RunFigures::serversMsgsPerOp, "%.2f", 0.10, 0),
            new Figure("stable latency median", RunFigures::stableMedian, "%.0f ms", 0.15, 0),
            new Figure("stable latency max", RunFigures::stableMax, "%.0f ms", 0.20, 0),
            new Figure("client latency median", RunFigures::clientMedian, "%.1f ms", 0.30, 5));

    /** The figures that miss their tolerance, one line each; empty when the prediction holds. */
    public static List<String> misses(RunFigures predicted, RunFigures real) {
        List<String> misses = new ArrayList<>();
        for (Figure figure : FIGURES) {
            double p = figure.value().applyAsDouble(predicted);
            double r = figure.value().applyAsDouble(real);
            double off = Math.abs(p - r);
            if (figure.beyond(off, r)) {
                misses.add(String.format(Locale.ROOT, "%s %s against %s: off by %.0f %% (%s)", figure.name(), figure.shown(p),
                        figure.shown(r), 100 * off / r, figure.tolerated()));
            }
        }
        return misses;
    }

    /**
     * The figures in which real runs of one argument set differ from their own mean by more than the
     * tolerance a prediction is held to, one line each with the runs' range. Where Maelstrom does not
     * repeat a figure within the tolerance, a mean of a few runs is a draw, and a prediction's miss
     * against it says as much about the draw as about the bench. The line gives the mean's standard
     * error: a prediction closer to the mean than about two of them is as near as these runs can tell.
     */
    public static List<String> wideSpreads(List<RunFigures> runs) {
        if (runs.size() < 2) {
            return List.of();
        }
        RunFigures mean = RunFigures.mean(runs);
        List<String> wide = new ArrayList<>();
        for (Figure figure : FIGURES) {
            double centre = figure.value().applyAsDouble(mean);
            double low = runs.stream().mapToDouble(figure.value()).min().orElseThrow();
            double high = runs.stream().mapToDouble(figure.value()).max().orElseThrow();
            double off = Math.max(high - centre, centre - low);
            if (figure.beyond(off, centre)) {
                double squares = runs.stream().mapToDouble(figure.value()).map(run -> (run - centre) * (run - centre)).sum();
                double standardError = Math.sqrt(squares / (runs.size() - 1) / runs.size());
                wide.add(String.format(Locale.ROOT, "%s %s to %s over %d runs, %.0f %% from their mean, which is itself"
                                + " known to ± %s (one standard error; %s)", figure.name(), figure.shown(low),
                        figure.shown(high), runs.size(), centre == 0 ? 100 : 100 * off / centre,
                        figure.shown(standardError), figure.tolerated()));
            }
        }
        return wide;
    }

    /** One line: predicted against real, with the ratio, for each figure. */
    public static String compare(RunFigures predicted, RunFigures real) {
        return String.format(Locale.ROOT,
                "ops %d / %d, servers msgs-per-op %.2f / %.2f (%s), stable median %d / %d ms (%s), max %d / %d ms (%s),"
                        + " client median %.1f / %.1f ms (%s; broadcast %.1f / %.1f, read %.1f / %.1f)",
                predicted.operations(), real.operations(),
                predicted.serversMsgsPerOp(), real.serversMsgsPerOp(), ratio(predicted.serversMsgsPerOp(), real.serversMsgsPerOp()),
                predicted.stableMedian(), real.stableMedian(), ratio(predicted.stableMedian(), real.stableMedian()),
                predicted.stableMax(), real.stableMax(), ratio(predicted.stableMax(), real.stableMax()),
                predicted.clientMedian(), real.clientMedian(), ratio(predicted.clientMedian(), real.clientMedian()),
                predicted.broadcastMedian(), real.broadcastMedian(), predicted.readMedian(), real.readMedian());
    }

    private static String ratio(double predicted, double real) {
        return real == 0 ? "n/a" : String.format(Locale.ROOT, "x%.2f", predicted / real);
    }
}
