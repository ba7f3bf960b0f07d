package io.glomers.bench;

import io.glomers.bench.history.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A stand-in for the real set-full checker (being written in {@code io.glomers.bench.check}), close
 * enough for the bench's own tests: a value is known from its broadcast's :ok (or the first read
 * that shows it); among the reads invoked after that, it is lost when the last one that missed it
 * came after the last one that showed it. Stable latency = last miss minus known, 0 if never missed.
 * Quantiles use Jepsen's nearest-rank rule.
 */
public final class LocalSetChecker implements HistoryChecker {

    private static final double[] QUANTILES = {0, 0.5, 0.95, 0.99, 1};

    private record Read(long invoked, long completed, Set<Long> values) {
    }

    @Override
    public CheckOutcome check(List<Op> history) {
        Map<Integer, Long> invokeTimes = new HashMap<>();
        Map<Long, Long> known = new HashMap<>();
        List<Read> reads = new ArrayList<>();
        for (Op op : history) {
            if (!op.isClient()) {
                continue;
            }
            if (op.type() == Op.Type.INVOKE) {
                invokeTimes.put(op.process(), op.time());
            } else if (op.type() == Op.Type.OK && "broadcast".equals(op.f())) {
                known.merge((Long) op.value(), op.time(), Math::min);
            } else if (op.type() == Op.Type.OK && "read".equals(op.f())) {
                Set<Long> values = new HashSet<>(op.readValues());
                reads.add(new Read(invokeTimes.get(op.process()), op.time(), values));
                values.forEach(v -> known.merge(v, op.time(), Math::min));
            }
        }
        TreeSet<Long> lost = new TreeSet<>();
        List<Long> latencies = new ArrayList<>();
        long neverRead = 0;
        for (Map.Entry<Long, Long> value : known.entrySet()) {
            long lastPresent = Long.MIN_VALUE;
            long lastAbsent = Long.MIN_VALUE;
            for (Read read : reads) {
                if (read.invoked() < value.getValue()) {
                    continue;
                }
                if (read.values().contains(value.getKey())) {
                    lastPresent = Math.max(lastPresent, read.invoked());
                } else {
                    lastAbsent = Math.max(lastAbsent, read.invoked());
                }
            }
            if (lastPresent == Long.MIN_VALUE && lastAbsent == Long.MIN_VALUE) {
                neverRead++;
            } else if (lastAbsent > lastPresent) {
                lost.add(value.getKey());
            } else {
                latencies.add(lastAbsent == Long.MIN_VALUE ? 0 : (lastAbsent - value.getValue()) / 1_000_000);
            }
        }
        latencies.sort(null);
        SortedMap<Double, Long> quantiles = new TreeMap<>();
        if (!latencies.isEmpty()) {
            for (double q : QUANTILES) {
                int index = Math.min(latencies.size() - 1, (int) Math.floor(q * latencies.size()));
                quantiles.put(q, latencies.get(index));
            }
        }
        boolean valid = lost.isEmpty();
        String edn = "{:valid? " + valid + ", :lost-count " + lost.size() + ", :lost #{" + join(lost)
                + "}, :stable-count " + latencies.size() + ", :never-read-count " + neverRead
                + ", :stable-latencies " + quantilesEdn(quantiles) + ", :checker :local-stand-in}";
        return new CheckOutcome(valid, List.copyOf(lost), latencies.size(), neverRead, quantiles, edn);
    }

    private static String join(Set<Long> values) {
        return String.join(" ", values.stream().map(String::valueOf).toList());
    }

    private static String quantilesEdn(SortedMap<Double, Long> quantiles) {
        List<String> entries = new ArrayList<>();
        quantiles.forEach((q, ms) -> entries.add((q == 0 ? "0" : q == 1 ? "1" : String.valueOf(q)) + " " + ms));
        return "{" + String.join(", ", entries) + "}";
    }
}
