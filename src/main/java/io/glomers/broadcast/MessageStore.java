package io.glomers.broadcast;

import org.springframework.stereotype.Component;

/** Every broadcast value this node has seen, each once. Owned by the event loop. */
@Component
public class MessageStore {

    private final ValueSet values = new ValueSet();
    private final ValuesJson json = new ValuesJson(); // what a read returns, kept as it grows
    // Every gossip carries the summary, and a hub's tick sends it to every peer: compute it once per change.
    private long[][] ranges;
    private int rangesCap;

    /** Adds a value; true when it was new. */
    public boolean add(long value) {
        boolean added = values.add(value);
        if (added) {
            ranges = null;
            json.add(value);
        }
        return added;
    }

    public boolean contains(long value) {
        return values.contains(value);
    }

    public long size() {
        return values.size();
    }

    /** All values in ascending order. */
    public long[] toArray() {
        return values.toArray();
    }

    /** All values as the JSON array a read returns, in the order they came; later values are not in it. */
    ValuesJson.Snapshot toJson() {
        return json.snapshot();
    }

    /** The values {@code other} lacks. */
    public ValueSet minus(ValueSet other) {
        return values.minus(other);
    }

    /** A compact description of the whole store, for peers. Callers must not modify it. */
    public long[][] toRanges() {
        return toRanges(Integer.MAX_VALUE);
    }

    /** The store's lowest ranges, at most {@code maxRanges} of them (see {@link ValueSet#toRanges(int)}). */
    public long[][] toRanges(int maxRanges) {
        if (ranges == null || rangesCap != maxRanges) {
            ranges = values.toRanges(maxRanges);
            rangesCap = maxRanges;
        }
        return ranges;
    }

    /** Bytes the store's structure occupies (Roaring's estimate). */
    public long sizeInBytes() {
        return values.sizeInBytes();
    }
}
