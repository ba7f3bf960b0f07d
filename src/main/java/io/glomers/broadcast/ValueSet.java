package io.glomers.broadcast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.roaringbitmap.longlong.PeekableLongIterator;
import org.roaringbitmap.longlong.Roaring64Bitmap;

/**
 * A set of broadcast values: any {@code long}, memory bounded by the number of values whatever their
 * size. Backed by a 64-bit Roaring bitmap, which keeps 2^16-value chunks as arrays, bitmaps or runs:
 * Maelstrom's dense values cost about a bit each, a run of consecutive values (what a peer's summary
 * describes) a few bytes per 65,536, and scattered values tens of bytes each (docs/benchmarks.md).
 *
 * <p>Roaring orders values as unsigned numbers, so negative values would come after positive ones.
 * Every value is stored with its sign bit flipped ({@link #key}), which maps signed order onto
 * unsigned order: iteration, ranges and summaries come out in ascending signed order.
 * Not thread-safe: owned by the event loop.
 */
public final class ValueSet {

    private final Roaring64Bitmap keys;

    public ValueSet() {
        this(new Roaring64Bitmap());
    }

    private ValueSet(Roaring64Bitmap keys) {
        this.keys = keys;
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
        long key = key(value);
        if (keys.contains(key)) {
            return false;
        }
        keys.addLong(key);
        return true;
    }

    public void remove(long value) {
        keys.removeLong(key(value));
    }

    public void addAll(ValueSet other) {
        keys.or(other.keys);
    }

    public void removeAll(ValueSet other) {
        keys.andNot(other.keys);
    }

    public void clear() {
        keys.clear();
    }

    public boolean contains(long value) {
        return keys.contains(key(value));
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public long size() {
        return keys.getLongCardinality();
    }

    /** The values of this set that {@code other} lacks, as a new set. */
    public ValueSet minus(ValueSet other) {
        return new ValueSet(Roaring64Bitmap.andNot(keys, other.keys));
    }

    public ValueSet copy() {
        return new ValueSet(keys.clone());
    }

    /** The lowest {@code count} values as a new set (all of them when there are fewer). */
    public ValueSet first(int count) {
        ValueSet head = new ValueSet();
        PeekableLongIterator it = keys.getLongIterator();
        for (int i = 0; i < count && it.hasNext(); i++) {
            head.keys.addLong(it.next());
        }
        return head;
    }

    /** All values in ascending order. */
    public long[] toArray() {
        long[] values = keys.toArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = value(values[i]);
        }
        return values;
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
        PeekableLongIterator it = keys.getLongIterator();
        long[] open = null;
        while (it.hasNext()) {
            long value = value(it.next());
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
        return keys.getLongSizeInBytes();
    }

    private void addRange(long first, long last) {
        long from = key(first);
        long to = key(last);
        if (to == -1L) {
            // Roaring's range end is exclusive, and the key of Long.MAX_VALUE is the largest there is.
            keys.addLong(to);
            if (from != to) {
                keys.addRange(from, to);
            }
        } else {
            keys.addRange(from, to + 1);
        }
    }

    /** Signed order onto unsigned: flips the sign bit. Its own inverse. */
    private static long key(long value) {
        return value ^ Long.MIN_VALUE;
    }

    private static long value(long key) {
        return key ^ Long.MIN_VALUE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ValueSet set && keys.equals(set.keys);
    }

    @Override
    public int hashCode() {
        return keys.hashCode();
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
