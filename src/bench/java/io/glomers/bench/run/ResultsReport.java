package io.glomers.bench.run;

import io.glomers.bench.check.ClientLatencies;
import io.glomers.bench.check.NetStats;
import io.glomers.bench.net.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/**
 * Renders a run the way Maelstrom shows it: {@code results.edn} ({@code :net}, {@code :workload},
 * {@code :valid?}, plus a {@code :bench} section of our own), {@code history.edn}, and a one-line
 * summary with the part's targets beside the figures.
 */
public final class ResultsReport {

    private ResultsReport() {
    }

    public static String resultsEdn(BenchResult result) {
        NetStats net = result.net();
        ClientLatencies clients = ClientLatencies.of(result.history());
        long ops = result.operations();
        StringBuilder out = new StringBuilder();
        out.append("{:net {:all ").append(traffic(net.all(), net.allMsgsPerOp())).append(",\n");
        // Maelstrom gives no per-op figure for client messages.
        out.append("       :clients ").append(traffic(net.clients(), null)).append(",\n");
        out.append("       :servers ").append(traffic(net.servers(), net.serversMsgsPerOp())).append(",\n");
        out.append("       :valid? true},\n");
        out.append(" :workload ").append(result.outcome() == null ? "nil" : result.outcome().workloadEdn()).append(",\n");
        out.append(" :bench {:part ").append(string(result.options().part()))
                .append(", :seed ").append(result.options().seed())
                .append(", :nodes ").append(string(result.options().inProcess() ? "in-process" : result.options().bin().toString()))
                .append(", :operations ").append(ops)
                .append(",\n         :client-latency-median {:broadcast ").append(fixed(clients.broadcastMedian()))
                .append(", :read ").append(fixed(clients.readMedian())).append('}')
                .append(",\n         :setup-failure ").append(result.setupFailure() == null ? "nil" : string(result.setupFailure()))
                .append(",\n         :protocol-violations [");
        List<String> violations = new ArrayList<>();
        for (Violation v : result.violations()) {
            violations.add(string(v.toString()));
        }
        out.append(String.join("\n                               ", violations)).append("]},\n");
        out.append(" :valid? ").append(result.valid()).append("}\n");
        return out.toString();
    }

    /** One traffic class; {@code perOp} null leaves {@code :msgs-per-op} out, as Maelstrom does with no operations. */
    private static String traffic(NetStats.Counts counts, Float perOp) {
        // Maelstrom prints msgs-per-op as a Clojure float.
        return "{:send-count " + counts.sendCount() + ", :recv-count " + counts.recvCount() + ", :msg-count "
                + counts.msgCount() + (perOp == null ? "" : ", :msgs-per-op " + perOp) + "}";
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

    private static String string(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
