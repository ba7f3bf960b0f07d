package io.glomers.bench.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jepsen's {@code frequency-distribution}: the value at quantile p of n sorted values is
 * {@code sorted[min(n - 1, floor(n * p))]} — no interpolation, so every reported latency is one
 * some element really had. The product {@code n * p} is taken in double arithmetic as Clojure does,
 * so {@code 20 * 0.95} gives index 19 here exactly when it does there.
 */
public final class Quantiles {

    /** The points Maelstrom reports: minimum, median, 95th, 99th percentile, maximum. */
    public static final List<Double> POINTS = List.of(0.0, 0.5, 0.95, 0.99, 1.0);

    private Quantiles() {
    }

    /** Quantile -> value at each of {@link #POINTS}, in that order; null for no values, as Jepsen omits the key. */
    public static Map<Double, Long> of(Collection<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        Map<Double, Long> out = new LinkedHashMap<>();
        for (double p : POINTS) {
            out.put(p, sorted.get(index(n, p)));
        }
        return out;
    }

    /** Where quantile {@code p} of {@code n} sorted values stands (n > 0). */
    public static int index(int n, double p) {
        return Math.min(n - 1, (int) Math.floor(n * p));
    }
}
