package io.glomers.bench.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Marks a sequence to be written as an EDN list {@code (a b c)} rather than a vector {@code [a b c]}.
 * Only the writer needs it: Clojure prints lazy seqs such as {@code :lost} and {@code :stale} with
 * parentheses, and we copy that shape. The reader returns plain {@link List}s for both forms.
 */
public record EdnList(List<?> items) {

    public EdnList {
        // Not List.copyOf: EDN lists may hold nil.
        items = Collections.unmodifiableList(new ArrayList<>(items));
    }
}
