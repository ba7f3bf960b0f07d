package io.glomers.broadcast;

import org.springframework.stereotype.Component;

/** Every broadcast value this node has seen, each once. Owned by the event loop. */
@Component
public class MessageStore {

    private final ValueSet values = new ValueSet();
    private int size;

    /** Adds a value; true when it was new. */
    public boolean add(long value) {
        boolean added = values.add(value);
        if (added) {
            size++;
        }
        return added;
    }

    public boolean contains(long value) {
        return values.contains(value);
    }

    public int size() {
        return size;
    }

    /** All values in ascending order. */
    public long[] toArray() {
        return values.toArray();
    }

    /** The values {@code other} lacks. */
    public ValueSet minus(ValueSet other) {
        return values.minus(other);
    }

    /** A compact description of the whole store, for peers. */
    public long[][] toRanges() {
        return values.toRanges();
    }
}
