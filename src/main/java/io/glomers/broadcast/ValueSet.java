package io.glomers.broadcast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.roaringbitmap.longlong.LongIterator;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * A set of broadcast values: any {@code long}, memory bounded by the number of values whatever their
 * size. Backed by RoaringBitmap's {@link Roaring64NavigableMap}: a sorted map from the high 32 bits
 * to a 32-bit Roaring bitmap, which keeps 2^16-value chunks as arrays, bitmaps or runs. Maelstrom's
 * dense values cost about a bit each, a run of consecutive values (what a peer's summary describes)
 * a few bytes per 65,536, and scattered values tens of bytes each (docs/benchmarks.md).
 *
 * <p>Built with {@code signedLongs}: Roaring orders values as unsigned numbers by default, which would
 * put negative values after positive ones in reads and break ranges across zero. Not
 * {@code Roaring64Bitmap}: its {@code addRange} allocates about a megabyte per call whatever the
 * range's length, so a summary of 10,000 short ranges took 13 s and 12 GB of allocation (measured).
 * Not thread-safe: owned by the event loop.
 */
public final class ValueSet {

    private final Roaring64NavigableMap values;

    public ValueSet() {
        this(new Roaring64NavigableMap(true));
    }

    private ValueSet(Roaring64NavigableMap values) {
        this.values = values;
    }

    public static ValueSet of(long... values) {
        ValueSet set = new ValueSet();
        for (long value : values) {
            set.add(value);
        }
        return set;
    }

    /**
     * The set that {@link #toRanges()} describes, refused when describing it would cost more than the
     * limits allow: a summary from the wire must not make the node hold or compute in proportion to
     * the numbers in it.
     *
     * @param maxRanges the most ranges accepted
     * @param maxSpan   the most values the ranges may describe in total (the sum of their lengths)
     * @throws LimitExceededException naming the limit, when the summary exceeds one
     * @throws IllegalArgumentException when a range is not {@code [first, last]} with first <= last
     */
    public static ValueSet fromRanges(long[][] ranges, int maxRanges, long maxSpan) {
        if (ranges.length > maxRanges) {
            throw new LimitExceededException("max-summary-ranges", maxRanges, "ranges", ranges.length);
        }
        long span = 0;
        for (long[] range : ranges) {
            if (range == null || range.length != 2 || range[0] > range[1]) {
                throw new IllegalArgumentException("a range is [first, last] with first <= last, got "
                        + (range == null ? "null" : Arrays.toString(range)));
            }
            // The length as an unsigned number: up to 2^64, which wraps to 0.
            long length = range[1] - range[0] + 1;
            if (length == 0 || Long.compareUnsigned(length, maxSpan - span) > 0) {
                throw new LimitExceededException("max-summary-span", maxSpan, "values described", Long.MAX_VALUE);
            }
            span += length;
        }
        ValueSet set = new ValueSet();
        for (long[] range : ranges) {
            set.addRange(range[0], range[1]);
        }
        return set;
    }

    /** Adds a value; true when it was new. */
    public boolean add(long value) {
        if (values.contains(value)) {
            return false;
        }
        values.addLong(value);
        return true;
    }

    public void remove(long value) {
        values.removeLong(value);
    }

    public void addAll(ValueSet other) {
        values.or(other.values);
    }

    public void removeAll(ValueSet other) {
        values.andNot(other.values);
    }

    public void clear() {
        values.clear();
    }

    public boolean contains(long value) {
        return values.contains(value);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public long size() {
        return values.getLongCardinality();
    }

    /** The values of this set that {@code other} lacks, as a new set. */
    public ValueSet minus(ValueSet other) {
        ValueSet difference = copy();
        difference.removeAll(other);
        return difference;
    }

    /** The values of this set that {@code other} holds too, as a new set. */
    public ValueSet intersection(ValueSet other) {
        ValueSet common = copy();
        common.values.and(other.values);
        return common;
    }

    // Not Roaring64NavigableMap.clone(), which serialises and parses the whole map: a union into an
    // empty map copies the 32-bit bitmaps directly, 10-20 times faster (measured).
    public ValueSet copy() {
        ValueSet copy = new ValueSet();
        copy.values.or(values);
        return copy;
    }

    /** The lowest {@code count} values as a new set (all of them when there are fewer). */
    public ValueSet first(int count) {
        ValueSet head = new ValueSet();
        LongIterator it = values.getLongIterator();
        for (int i = 0; i < count && it.hasNext(); i++) {
            head.values.addLong(it.next());
        }
        return head;
    }

    /** All values in ascending order. */
    public long[] toArray() {
        return values.toArray();
    }

    /** The set as ascending, disjoint, inclusive ranges {@code [[first, last], ...]}. */
    public long[][] toRanges() {
        return toRanges(Integer.MAX_VALUE);
    }

    /**
     * The lowest at most {@code maxRanges} ranges of the set: a summary that under-states what this
     * node has (never over-states it), when describing everything would take more ranges.
     */
    public long[][] toRanges(int maxRanges) {
        List<long[]> ranges = new ArrayList<>();
        LongIterator it = values.getLongIterator();
        long[] open = null;
        while (it.hasNext()) {
            long value = it.next();
            if (open != null && open[1] == value - 1) {
                open[1] = value;
            } else if (ranges.size() == maxRanges) {
                break;
            } else {
                open = new long[] {value, value};
                ranges.add(open);
            }
        }
        return ranges.toArray(long[][]::new);
    }

    /** Bytes the set's structure occupies, as Roaring estimates it. */
    public long sizeInBytes() {
        return values.getLongSizeInBytes();
    }

    private void addRange(long first, long last) {
        if (last == Long.MAX_VALUE) {
            // Roaring's range end is exclusive, and there is no long after Long.MAX_VALUE.
            values.addLong(last);
            if (first != last) {
                values.addRange(first, last);
            }
        } else {
            values.addRange(first, last + 1);
        }
    }

    // Roaring's own equality tells an emptied chunk from none; sets are equal by their values.
    @Override
    public boolean equals(Object other) {
        return other instanceof ValueSet set && size() == set.size() && minus(set).isEmpty();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size()) * 31 + (isEmpty() ? 0 : Long.hashCode(values.first()));
    }

    @Override
    public String toString() {
        long[][] ranges = toRanges(17);
        return ranges.length <= 16 ? Arrays.deepToString(ranges) : Arrays.deepToString(Arrays.copyOf(ranges, 16)) + "...";
    }

    /** A message asked for more than a limit allows; the text names the limit's property. */
    public static final class LimitExceededException extends RuntimeException {
        public LimitExceededException(String limit, long max, String what, long got) {
            super(what + " " + (got == Long.MAX_VALUE ? "beyond " + max : String.valueOf(got))
                    + " exceed the limit broadcast.limits." + limit + " = " + max);
        }
    }
}
