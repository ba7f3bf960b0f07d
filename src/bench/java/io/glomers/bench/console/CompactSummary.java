package io.glomers.bench.console;

import io.glomers.bench.run.BenchResult;
import io.glomers.bench.check.CheckOutcome;
import io.glomers.bench.check.Keyword;
import io.glomers.bench.check.ClientLatencies;
import io.glomers.bench.history.Op;
import io.glomers.bench.run.ResultsReport;
import io.glomers.bench.view.NotOk;
import io.glomers.bench.view.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * What the terminal shows after a run unless {@code --verbose} asks for all of {@code results.edn}:
 * the verdict, the operations and their client latency (ok operations only, final reads left out,
 * as in results.edn; the line says so and how many timed out or failed), messages per operation, the stable-latency
 * quantiles, lost and never-read values (a few of them, then how many more), the part's targets,
 * where the run is and what was drawn. About ten lines for a valid run.
 */
public final class CompactSummary {

    /** Values listed by name before "(N more)". */
    static final int LISTED = 8;

    private CompactSummary() {
    }

    public static List<String> lines(BenchResult result, OpTally tally) {
        return lines(result, tally, (result.options().inProcess() ? "in-process" : "from " + result.options().bin())
                + ", seed " + result.options().seed());
    }

    /** @param nodes how the nodes ran, for the first line: "from bin/broadcast-node, seed 5", "under real Maelstrom" */
    public static List<String> lines(BenchResult result, OpTally tally, String nodes) {
        List<String> lines = new ArrayList<>();
        long ops = result.operations();
        lines.add(result.options().part() + (result.valid() ? " VALID" : " INVALID") + ": " + ops + " operations, "
                + result.options().nodeCount() + " node(s) " + nodes);
        result.reasons().forEach(reason -> lines.add("  why          " + reason));
        lines.add("  operations   " + operations(tally));
        String latency = opLatency(ClientLatencies.of(result.history()));
        if (!latency.isEmpty()) {
            lines.add("  op latency   " + latency + " " + leftOut(result.history()));
        }
        lines.add(String.format(Locale.ROOT, "  messages     servers %.2f per op, all %.2f per op (%d messages)",
                result.net().serversPerOp(), result.net().allPerOp(), result.net().all().msgCount()));
        CheckOutcome workload = result.outcome();
        if (workload != null) {
            Map<?, ?> edn = workload.workload();
            lines.add("  stable       " + stable(workload.stableLatencies()) + " (" + workload.stableCount()
                    + " values stable, " + count(edn, "stale-count") + " stale)");
            lines.add("  lost         " + listed(workload.lost()) + "; never read: " + listed(values(edn, "never-read")));
        }
        String targets = ResultsReport.targets(result);
        if (targets != null) {
            lines.add("  " + targets);
        }
        if (result.dir() != null) {
            lines.add("  run          " + result.dir() + "  (" + result.options().store().resolve(RunFiles.LATEST) + ")");
            lines.add("  pictures     " + pictures(result.dir()));
            if (!Files.exists(result.dir().resolve(RunFiles.MESSAGES_SVG)) && Files.exists(result.dir().resolve(RunFiles.JOURNAL))) {
                lines.add("               (" + RunFiles.MESSAGES_SVG + " not drawn, too many events: bin/challenge draw "
                        + result.dir() + " --svg-events all, or --svg-from S --svg-to S)");
            }
            String store = result.options().store().equals(Path.of("store")) ? "" : " --store " + result.options().store();
            lines.add("  look         bin/challenge serve" + store + ", then http://127.0.0.1:8080/   (--verbose: results.edn whole)");
        } else {
            lines.add("  run          not stored (--store-runs " + result.options().storeRuns().name().toLowerCase(Locale.ROOT) + ")");
        }
        return lines;
    }

    private static String operations(OpTally tally) {
        StringJoiner byName = new StringJoiner("; ");
        tally.outcomes().forEach((f, outcomes) -> {
            StringJoiner counts = new StringJoiner(", ");
            outcomes.forEach((type, n) -> counts.add(n + " " + type.name().toLowerCase(Locale.ROOT)));
            byName.add(f + " " + counts);
        });
        if (byName.length() == 0) {
            return "none completed";
        }
        return byName + (tally.finalReads() > 0 ? " (" + tally.finalReads() + " final reads)" : "");
    }

    /** As results.edn's {@code :client-latency-median}: completed ok, final reads left out. */
    private static String opLatency(ClientLatencies clients) {
        if (clients.broadcast().isEmpty() && clients.read().isEmpty()) {
            return "";
        }
        if (Stream.concat(clients.broadcast().stream(), clients.read().stream()).allMatch(ms -> ms == 0)) {
            return "all 0 ms (answered at the instant they were asked)";
        }
        StringJoiner byName = new StringJoiner("; ");
        latency(byName, "broadcast", clients.broadcast());
        latency(byName, "read", clients.read());
        return byName.toString();
    }

    /**
     * What the latencies leave out, said as the quantile plot says it: without it a read maximum of
     * 789 ms here and a plot reaching 5000 ms (the timeouts) looked like a contradiction.
     */
    static String leftOut(List<Op> history) {
        // All of them, final reads too, so that the count is the quantile plot's (which draws final reads).
        NotOk notOk = NotOk.of(history.stream().filter(Op::isClient).map(Op::type));
        return "(ok only, no final reads; " + notOk + (notOk.count() == 0 ? ")" : ", left out)");
    }

    private static void latency(StringJoiner byName, String f, List<Double> sorted) {
        if (!sorted.isEmpty()) {
            byName.add(f + " median " + millis(ClientLatencies.quantile(sorted, 0.5)) + ", p99 "
                    + millis(ClientLatencies.quantile(sorted, 0.99)) + ", max " + millis(sorted.get(sorted.size() - 1)));
        }
    }

    private static String millis(double ms) {
        return (ms < 10 ? String.format(Locale.ROOT, "%.1f", ms) : String.valueOf(Math.round(ms))) + " ms";
    }

    private static String stable(SortedMap<Double, Long> latencies) {
        if (latencies.isEmpty()) {
            return "latency: none (nothing stable)";
        }
        return "latency median " + latencies.getOrDefault(0.5, 0L) + ", p95 " + latencies.getOrDefault(0.95, 0L)
                + ", p99 " + latencies.getOrDefault(0.99, 0L) + ", max " + latencies.getOrDefault(1.0, 0L) + " ms";
    }

    /** "none", or "3: 4 9 17", or "23: 4 9 17 ... (15 more)". */
    static String listed(List<Long> values) {
        if (values.isEmpty()) {
            return "none";
        }
        StringJoiner shown = new StringJoiner(" ");
        values.stream().limit(LISTED).forEach(v -> shown.add(String.valueOf(v)));
        return values.size() + ": " + shown + (values.size() > LISTED ? " ... (" + (values.size() - LISTED) + " more)" : "");
    }

    private static String pictures(Path dir) {
        StringJoiner drawn = new StringJoiner(" ");
        RunFiles.PICTURES.stream().filter(name -> Files.exists(dir.resolve(name))).forEach(drawn::add);
        return drawn.length() == 0 ? "none drawn" : drawn.toString();
    }

    private static Object count(Map<?, ?> edn, String key) {
        return edn.get(Keyword.of(key)) instanceof Number n ? n : "?";
    }

    private static List<Long> values(Map<?, ?> edn, String key) {
        return edn.get(Keyword.of(key)) instanceof Collection<?> values
                ? values.stream().map(v -> ((Number) v).longValue()).toList() : List.of();
    }
}
