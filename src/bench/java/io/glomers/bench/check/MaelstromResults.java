package io.glomers.bench.check;

import io.glomers.bench.history.Op;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the parts of a real Maelstrom {@code results.edn} we reproduce, so they can be compared
 * with what {@link SetFullChecker} and the bench's network counters compute.
 */
public final class MaelstromResults {

    private MaelstromResults() {
    }

    /** The whole results map, as read. */
    public static Map<?, ?> read(Path resultsFile) {
        if (EdnFiles.readOne(resultsFile) instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException(resultsFile + " does not hold an EDN map");
    }

    /** The {@code :workload} section as a {@link WorkloadResult}. */
    public static WorkloadResult workload(Map<?, ?> results) {
        Map<?, ?> w = map(results, "workload");
        return new WorkloadResult(
                WorkloadResult.Validity.fromEdn(w.get(Keyword.of("valid?"))),
                integer(w, "attempt-count"),
                integer(w, "stable-count"),
                integer(w, "lost-count"), longs(w, "lost"),
                integer(w, "never-read-count"), longs(w, "never-read"),
                integer(w, "stale-count"), longs(w, "stale"),
                worstStale(w),
                quantiles(w.get(Keyword.of("stable-latencies"))),
                quantiles(w.get(Keyword.of("lost-latencies"))),
                integer(w, "duplicated-count"),
                duplicated(w));
    }

    /**
     * The {@code :net} section's counts. Maelstrom does not print the op count it divided by, so the
     * caller supplies it (the number of client invocations in the history).
     */
    public static NetStats net(Map<?, ?> results, long clientOps) {
        Map<?, ?> net = map(results, "net");
        return new NetStats(counts(map(net, "all")), counts(map(net, "clients")), counts(map(net, "servers")),
                clientOps);
    }

    private static NetStats.Counts counts(Map<?, ?> m) {
        return new NetStats.Counts(number(m, "send-count").longValue(), number(m, "recv-count").longValue(),
                number(m, "msg-count").longValue());
    }

    private static List<WorkloadResult.StaleElement> worstStale(Map<?, ?> w) {
        List<WorkloadResult.StaleElement> out = new ArrayList<>();
        for (Object item : collection(w.get(Keyword.of("worst-stale")), "worst-stale")) {
            Map<?, ?> e = (Map<?, ?>) item;
            Op known = HistoryReader.toOp((Map<?, ?>) EdnReader.untagged(e.get(Keyword.of("known"))));
            Op lastAbsent = HistoryReader.toOp((Map<?, ?>) EdnReader.untagged(e.get(Keyword.of("last-absent"))));
            out.add(new WorkloadResult.StaleElement(number(e, "element").longValue(),
                    number(e, "stable-latency").longValue(), known, lastAbsent));
        }
        return out;
    }

    private static Map<Double, Long> quantiles(Object value) {
        if (value == null) {
            return null;
        }
        Map<Double, Long> out = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((k, v) -> out.put(((Number) k).doubleValue(), ((Number) v).longValue()));
        return out;
    }

    private static Map<Long, Integer> duplicated(Map<?, ?> w) {
        Map<Long, Integer> out = new LinkedHashMap<>();
        Object d = w.get(Keyword.of("duplicated"));
        if (d instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(((Number) k).longValue(), ((Number) v).intValue()));
        }
        return out;
    }

    private static List<Long> longs(Map<?, ?> m, String key) {
        List<Long> out = new ArrayList<>();
        for (Object o : collection(m.get(Keyword.of(key)), key)) {
            out.add(((Number) o).longValue());
        }
        return out;
    }

    private static Collection<?> collection(Object value, String key) {
        if (value instanceof Collection<?> c) {
            return c;
        }
        throw new IllegalArgumentException(":" + key + " is not a collection: " + EdnWriter.compact(value));
    }

    private static Map<?, ?> map(Map<?, ?> m, String key) {
        if (m.get(Keyword.of(key)) instanceof Map<?, ?> inner) {
            return inner;
        }
        throw new IllegalArgumentException("results have no :" + key + " map");
    }

    private static int integer(Map<?, ?> m, String key) {
        return Math.toIntExact(number(m, key).longValue());
    }

    private static Number number(Map<?, ?> m, String key) {
        if (m.get(Keyword.of(key)) instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException("missing or non-numeric :" + key);
    }
}
