package io.glomers.bench.run;

import io.glomers.bench.check.ClientLatencies;
import io.glomers.bench.check.Keyword;
import io.glomers.bench.check.ResultsEdn;
import io.glomers.bench.net.Violation;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * A bench run as text: its {@code results.edn} (Maelstrom's sections, written by {@link ResultsEdn},
 * plus a {@code :bench} section of our own), a one-line summary and the part's targets beside the
 * figures.
 */
public final class ResultsReport {

    private ResultsReport() {
    }

    /** The run's results.edn, written by the one writer of it ({@link ResultsEdn}), with the bench's own section. */
    public static String resultsEdn(BenchResult result) {
        return ResultsEdn.render(result.net(), result.outcome() == null ? null : result.outcome().workload(),
                benchSection(result), result.valid());
    }

    /** What Maelstrom's results do not say: the part, the seed, the nodes, client latencies, why a run failed. */
    private static Map<Object, Object> benchSection(BenchResult result) {
        ClientLatencies clients = ClientLatencies.of(result.history());
        Map<Object, Object> latencyMedians = new LinkedHashMap<>();
        latencyMedians.put(Keyword.of("broadcast"), hundredths(clients.broadcastMedian()));
        latencyMedians.put(Keyword.of("read"), hundredths(clients.readMedian()));
        Map<Object, Object> bench = new LinkedHashMap<>();
        bench.put(Keyword.of("part"), result.options().part());
        bench.put(Keyword.of("seed"), result.options().seed());
        bench.put(Keyword.of("nodes"), result.options().inProcess() ? "in-process" : result.options().bin().toString());
        bench.put(Keyword.of("operations"), result.operations());
        bench.put(Keyword.of("client-latency-median"), latencyMedians);
        bench.put(Keyword.of("setup-failure"), result.setupFailure());
        bench.put(Keyword.of("protocol-violations"), result.violations().stream().map(Violation::toString).toList());
        return bench;
    }

    /** Milliseconds to two decimals, as the summary shows them. */
    private static double hundredths(double millis) {
        return Double.parseDouble(fixed(millis));
    }

    /** One line: verdict, operations, msgs-per-op, stable latencies, seed, where the run is stored. */
    public static String summary(BenchResult result) {
        long ops = result.operations();
        StringBuilder out = new StringBuilder();
        out.append(result.options().part()).append(result.valid() ? " VALID" : " INVALID").append(": ")
                .append(ops).append(" ops, msgs-per-op all ")
                .append(fixed(result.net().allPerOp()))
                .append(" servers ").append(fixed(result.net().serversPerOp()));
        if (result.outcome() != null) {
            SortedMap<Double, Long> latencies = result.outcome().stableLatencies();
            out.append(", stable latency median ").append(latencies.getOrDefault(0.5, 0L))
                    .append(" ms max ").append(latencies.getOrDefault(1.0, 0L)).append(" ms")
                    .append(", client latency median ").append(Math.round(ClientLatencies.of(result.history()).median()))
                    .append(" ms")
                    .append(", lost ").append(result.outcome().lost().size());
        }
        out.append(", seed ").append(result.options().seed());
        if (result.dir() != null) {
            out.append(" (").append(result.dir()).append(')');
        }
        if (!result.valid()) {
            out.append(" -- ").append(String.join("; ", result.reasons()));
        }
        return out.toString();
    }

    /** The part's targets beside the figures, or null when the part has none. */
    public static String targets(BenchResult result) {
        Targets targets = result.options().targets();
        if (targets == null || result.outcome() == null) {
            return null;
        }
        double perOp = result.net().serversPerOp();
        long median = result.outcome().stableLatencies().getOrDefault(0.5, 0L);
        long max = result.outcome().stableLatencies().getOrDefault(1.0, 0L);
        return "targets " + result.options().part() + ": servers msgs-per-op " + fixed(perOp) + " (< "
                + fixed(targets.serverMsgsPerOp()) + " " + verdict(perOp < targets.serverMsgsPerOp()) + "), median "
                + median + " ms (< " + targets.medianMillis() + " " + verdict(median < targets.medianMillis())
                + "), max " + max + " ms (< " + targets.maxMillis() + " " + verdict(max < targets.maxMillis()) + ")";
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
