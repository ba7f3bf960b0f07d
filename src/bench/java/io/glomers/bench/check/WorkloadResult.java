package io.glomers.bench.check;

import io.glomers.bench.history.Op;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the set-full checker concludes about a broadcast history: the {@code :workload} section of
 * Maelstrom's {@code results.edn}, plus the duplicates Jepsen's checker fails to report.
 *
 * @param valid           FALSE if anything was lost, UNKNOWN if nothing became stable, else TRUE
 * @param attemptCount    elements whose broadcast was invoked
 * @param stableCount     elements that, from some read on, every read showed
 * @param lost            elements, ascending, that a read missed after every read that showed them
 * @param neverRead       elements, ascending, neither stable nor lost
 * @param stale           stable elements, ascending, with a stable latency above 0 ms
 * @param worstStale      up to 8 stale elements, highest stable latency first
 * @param stableLatencies quantile (0, 0.5, 0.95, 0.99, 1) -> ms over all stable elements; null if none
 * @param lostLatencies   the same over lost elements; null if none
 * @param duplicated      element -> the most times it appeared inside one read, for elements seen twice or more
 */
public record WorkloadResult(
        Validity valid,
        int attemptCount,
        int stableCount,
        int lostCount,
        List<Long> lost,
        int neverReadCount,
        List<Long> neverRead,
        int staleCount,
        List<Long> stale,
        List<StaleElement> worstStale,
        Map<Double, Long> stableLatencies,
        Map<Double, Long> lostLatencies,
        int duplicatedCount,
        Map<Long, Integer> duplicated) {

    /** Jepsen's three-valued {@code :valid?}. */
    public enum Validity {
        TRUE, FALSE, UNKNOWN;

        /** As results.edn prints it: {@code true}, {@code false} or {@code :unknown}. */
        public String edn() {
            return this == UNKNOWN ? ":unknown" : name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Validity fromEdn(Object value) {
            if (Boolean.TRUE.equals(value)) {
                return TRUE;
            }
            if (Boolean.FALSE.equals(value)) {
                return FALSE;
            }
            if (Keyword.of("unknown").equals(value)) {
                return UNKNOWN;
            }
            throw new IllegalArgumentException("not a :valid? value: " + EdnWriter.compact(value));
        }
    }

    /**
     * One entry of {@code :worst-stale}.
     *
     * @param known      the op that made the element known: its broadcast's completion, or the
     *                   completion of the first read that showed it
     * @param lastAbsent the invocation of the last read that missed it
     */
    public record StaleElement(long element, long stableLatency, Op known, Op lastAbsent) {

        public int knownIndex() {
            return known.index();
        }

        public int lastAbsentIndex() {
            return lastAbsent.index();
        }
    }

    public WorkloadResult {
        lost = List.copyOf(lost);
        neverRead = List.copyOf(neverRead);
        stale = List.copyOf(stale);
        worstStale = List.copyOf(worstStale);
        stableLatencies = copyOrNull(stableLatencies);
        lostLatencies = copyOrNull(lostLatencies);
        duplicated = Collections.unmodifiableMap(new TreeMap<>(duplicated));
        // The counts are printed separately in results.edn; keep them honest with the lists.
        requireCount("lost", lostCount, lost);
        requireCount("never-read", neverReadCount, neverRead);
        requireCount("stale", staleCount, stale);
        requireCount("duplicated", duplicatedCount, new ArrayList<>(duplicated.keySet()));
    }

    private static Map<Double, Long> copyOrNull(Map<Double, Long> m) {
        return m == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    private static void requireCount(String what, int count, List<?> items) {
        if (count != items.size()) {
            throw new IllegalArgumentException(what + "-count " + count + " but " + items.size() + " elements listed");
        }
    }
}
