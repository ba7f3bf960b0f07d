package io.glomers.broadcast;

import java.util.BitSet;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Every broadcast value this node has seen, each once. Maelstrom's values are small non-negative
 * integers, so they live in a bit set (a million values cost 125 KB and read back sorted in
 * milliseconds); any other {@code long} goes to an ordinary sorted set. Owned by the event loop.
 */
@Component
public class MessageStore {

    private final BitSet dense = new BitSet();
    private final TreeSet<Long> sparse = new TreeSet<>();
    private int size;

    /** Adds a value; true when it was new. */
    public boolean add(long value) {
        boolean added;
        if (isDense(value)) {
            added = !dense.get((int) value);
            dense.set((int) value);
        } else {
            added = sparse.add(value);
        }
        if (added) {
            size++;
        }
        return added;
    }

    public boolean contains(long value) {
        return isDense(value) ? dense.get((int) value) : sparse.contains(value);
    }

    public int size() {
        return size;
    }

    /** All values in ascending order. */
    public long[] toArray() {
        long[] values = new long[size];
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

    private static boolean isDense(long value) {
        return value >= 0 && value < Integer.MAX_VALUE;
    }
}
