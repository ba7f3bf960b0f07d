package io.glomers.broadcast;

import org.springframework.stereotype.Component;

/** Every broadcast value this node has seen, each once. Owned by the event loop. */
@Component
public class MessageStore {

    private final ValueSet values = new ValueSet();
    // Every gossip carries the summary, and a hub's tick sends it to every peer: compute it once per change.
    private long[][] ranges;

    /** Adds a value; true when it was new. */
    public boolean add(long value) {
        boolean added = values.add(value);
        if (added) {
            ranges = null;
        }
        return added;
    }

    public boolean contains(long value) {
        return values.contains(value);
    }

    /** All values in ascending order. */
    public long[] toArray() {
        return values.toArray();
    }

    /** The values {@code other} lacks. */
    public ValueSet minus(ValueSet other) {
        return values.minus(other);
    }

    /** A compact description of the whole store, for peers. Callers must not modify it. */
    public long[][] toRanges() {
        if (ranges == null) {
            ranges = values.toRanges();
        }
        return ranges;
    }
}
