package io.glomers.bench.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How close the bench must come to real Maelstrom on the same arguments and node profile: servers
 * msgs-per-op within 10 %, stable latency median within 15 % and maximum within 20 %, client
 * operation latency median within 30 % or 5 ms (a few milliseconds of process overhead are below
 * what any run can tell apart).
 */
public final class Fidelity {

    private Fidelity() {
    }

    /** The figures that miss their tolerance, one line each; empty when the prediction holds. */
    public static List<String> misses(RunFigures predicted, RunFigures real) {
        List<String> misses = new ArrayList<>();
        relative(misses, "servers msgs-per-op", predicted.serversMsgsPerOp(), real.serversMsgsPerOp(), 0.10, 0);
        relative(misses, "stable latency median", predicted.stableMedian(), real.stableMedian(), 0.15, 0);
        relative(misses, "stable latency max", predicted.stableMax(), real.stableMax(), 0.20, 0);
        relative(misses, "client latency median", predicted.clientMedian(), real.clientMedian(), 0.30, 5);
        return misses;
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

    private static void relative(List<String> misses, String name, double predicted, double real, double tolerance,
                                 double absolute) {
        double off = Math.abs(predicted - real);
        if (off > tolerance * real && off > absolute) {
            misses.add(String.format(Locale.ROOT, "%s %.2f against %.2f: off by %.0f %% (tolerance %.0f %%%s)", name,
                    predicted, real, 100 * off / real, 100 * tolerance, absolute > 0 ? " or " + absolute : ""));
        }
    }

    private static String ratio(double predicted, double real) {
        return real == 0 ? "n/a" : String.format(Locale.ROOT, "x%.2f", predicted / real);
    }
}
