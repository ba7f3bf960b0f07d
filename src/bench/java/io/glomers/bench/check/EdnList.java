package io.glomers.bench.check;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An EDN list {@code (a b c)}, kept apart from a vector {@code [a b c]} (a plain {@link List}):
 * Clojure prints lazy seqs such as {@code :lost} and {@code :stale} with parentheses, so the writer
 * copies that shape, and a list read is printed back as a list.
 */
public final class EdnList extends AbstractList<Object> {

    private final List<Object> items;

    public EdnList(List<?> items) {
        // Not List.copyOf: EDN lists may hold nil.
        this.items = Collections.unmodifiableList(new ArrayList<>(items));
    }

    @Override
    public Object get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }
}
