package io.glomers.broadcast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;

/**
 * The value set before issue 12, kept for {@code ValueSetBenchmark} only, to compare against the
 * Roaring-backed {@link ValueSet}. A set of broadcast values. Maelstrom's values are small non-negative integers handed out in
 * order, so they live in a bit set: a million values cost 125 KB, read back sorted in milliseconds,
 * and summarise as a handful of ranges. Any other {@code long} goes to an ordinary sorted set.
 * Not thread-safe: owned by the event loop.
 */
final class BitSetValueSet {

    /** Ranges longer than this in a peer's summary are refused rather than expanded value by value. */
    static final long MAX_SPARSE_RANGE = 1_000_000;

    private final BitSet dense = new BitSet();
    private final TreeSet<Long> sparse = new TreeSet<>();

    public static BitSetValueSet of(long... values) {
        BitSetValueSet set = new BitSetValueSet();
        for (long value : values) {
            set.add(value);
        }
        return set;
    }

    /** The set that {@link #toRanges()} describes. */
    public static BitSetValueSet fromRanges(long[][] ranges) {
        BitSetValueSet set = new BitSetValueSet();
        for (long[] range : ranges) {
            if (range.length != 2 || range[0] > range[1]) {
                throw new IllegalArgumentException("a range is [first, last] with first <= last");
            }
            set.addRange(range[0], range[1]);
        }
        return set;
    }

    /** Adds a value; true when it was new. */
    public boolean add(long value) {
        if (isDense(value)) {
            int bit = (int) value;
            if (dense.get(bit)) {
                return false;
            }
            dense.set(bit);
            return true;
        }
        return sparse.add(value);
    }

    public void remove(long value) {
        if (isDense(value)) {
            dense.clear((int) value);
        } else {
            sparse.remove(value);
        }
    }

    public void addAll(BitSetValueSet other) {
        dense.or(other.dense);
        sparse.addAll(other.sparse);
    }

    public void removeAll(BitSetValueSet other) {
        dense.andNot(other.dense);
        sparse.removeAll(other.sparse);
    }

    public void clear() {
        dense.clear();
        sparse.clear();
    }

    public boolean contains(long value) {
        return isDense(value) ? dense.get((int) value) : sparse.contains(value);
    }

    public boolean isEmpty() {
        return dense.isEmpty() && sparse.isEmpty();
    }

    public int size() {
        return dense.cardinality() + sparse.size();
    }

    /** The values of this set that {@code other} lacks, as a new set. */
    public BitSetValueSet minus(BitSetValueSet other) {
        BitSetValueSet result = copy();
        result.removeAll(other);
        return result;
    }

    public BitSetValueSet copy() {
        BitSetValueSet copy = new BitSetValueSet();
        copy.addAll(this);
        return copy;
    }

    /** All values in ascending order. */
    public long[] toArray() {
        long[] values = new long[size()];
        int i = 0;
        for (long value : sparse.headSet(0L)) {
            values[i++] = value;
        }
        for (int bit = dense.nextSetBit(0); bit >= 0; bit = dense.nextSetBit(bit + 1)) {
            values[i++] = bit;
        }
        for (long value : sparse.tailSet(0L)) {
            values[i++] = value;
        }
        return values;
    }

    /** The set as ascending, disjoint, inclusive ranges {@code [[first, last], ...]}. */
    public long[][] toRanges() {
        List<long[]> ranges = new ArrayList<>();
        for (long value : sparse.headSet(0L)) {
            extend(ranges, value, value);
        }
        for (int first = dense.nextSetBit(0); first >= 0; first = dense.nextSetBit(first + 1)) {
            int end = dense.nextClearBit(first);
            extend(ranges, first, end - 1L);
            first = end - 1;
        }
        for (long value : sparse.tailSet(0L)) {
            extend(ranges, value, value);
        }
        return ranges.toArray(long[][]::new);
    }

    private static void extend(List<long[]> ranges, long first, long last) {
        long[] open = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
        if (open != null && open[1] == first - 1) {
            open[1] = last;
        } else {
            ranges.add(new long[] {first, last});
        }
    }

    private void addRange(long first, long last) {
        if (isDense(first) && isDense(last)) {
            dense.set((int) first, (int) last + 1);
            return;
        }
        if (last - first >= MAX_SPARSE_RANGE) {
            throw new IllegalArgumentException("range [" + first + ", " + last + "] is too long outside 0.." + Integer.MAX_VALUE);
        }
        for (long value = first; value <= last; value++) {
            add(value);
        }
    }

    private static boolean isDense(long value) {
        return value >= 0 && value < Integer.MAX_VALUE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BitSetValueSet set && dense.equals(set.dense) && sparse.equals(set.sparse);
    }

    @Override
    public int hashCode() {
        return dense.hashCode() * 31 + sparse.hashCode();
    }

    @Override
    public String toString() {
        return Arrays.deepToString(toRanges());
    }
}
