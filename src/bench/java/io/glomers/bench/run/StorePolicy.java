package io.glomers.bench.run;

import java.util.Locale;

/**
 * Which runs leave a directory under the store ({@code --store-runs}). A swarm runs thousands of
 * seeds and a 3d run's messages.log is several MB, so it keeps only the runs worth replaying.
 */
public enum StorePolicy {
    /** Every run (the default, as Maelstrom). */
    ALL,
    /** Only invalid runs; the message journal is held in memory until the verdict. */
    FAILED,
    /** None: the caller reads the result in memory. */
    NONE;

    public static StorePolicy parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public boolean keeps(boolean valid) {
        return this == ALL || (this == FAILED && !valid);
    }
}
