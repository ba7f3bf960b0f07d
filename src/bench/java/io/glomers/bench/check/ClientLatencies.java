package io.glomers.bench.check;

import io.glomers.bench.history.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How long client operations took, invoke to completion, as Maelstrom's {@code latency-raw.png}
 * shows them: what a user of the node sees, and, under Maelstrom's one-at-a-time delivery, a measure
 * of how much traffic a node has in flight while its clients wait. Final reads are left out (they
 * come after the recovery wait, on a quiet network).
 *
 * @param broadcast milliseconds of each completed broadcast, ascending
 * @param read      milliseconds of each completed read, ascending
 */
public record ClientLatencies(List<Double> broadcast, List<Double> read) {

    public static ClientLatencies of(List<Op> history) {
        Map<Integer, Op> invoked = new HashMap<>();
        Map<String, List<Double>> byF = new TreeMap<>();
        for (Op op : history) {
            if (!op.isClient() || op.finalRead()) {
                continue;
            }
            if (op.type() == Op.Type.INVOKE) {
                invoked.put(op.process(), op);
            } else {
                Op invoke = invoked.remove(op.process());
                if (invoke != null && op.type() == Op.Type.OK) {
                    byF.computeIfAbsent(invoke.f(), f -> new ArrayList<>()).add((op.time() - invoke.time()) / 1e6);
                }
            }
        }
        byF.values().forEach(list -> list.sort(null));
        return new ClientLatencies(List.copyOf(byF.getOrDefault("broadcast", List.of())),
                List.copyOf(byF.getOrDefault("read", List.of())));
    }

    /** Median of broadcasts and reads together, in ms; 0 when nothing completed. */
    public double median() {
        List<Double> all = new ArrayList<>(broadcast);
        all.addAll(read);
        all.sort(null);
        return quantile(all, 0.5);
    }

    public double broadcastMedian() {
        return quantile(broadcast, 0.5);
    }

    public double readMedian() {
        return quantile(read, 0.5);
    }

    /** The value at rank floor(q x n) of a sorted list, as Jepsen's quantiles take it; 0 for none. */
    public static double quantile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Quantiles.index(sorted.size(), q));
    }
}
