package io.glomers.bench.plant;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Known bugs a real implementation of the broadcast node could have, planted by the simulator and
 * never by the node's own code: each is a {@link LineFilter} between a node and the network, a node
 * property, or both. They show what the swarm catches ({@code bin/challenge sim --plant NAME}) and
 * give the shrinker failures whose cause is known.
 */
public enum Plant {

    NONE("none", "the node as it is", List.of(), () -> LineFilter.PASS),

    NO_RETRANSMIT("no-retransmit",
            "a node sends each value to each peer once per process: no retransmission of unconfirmed gossip,"
                    + " no resend on loss detection, no refill",
            List.of(), SentOnce::new),

    ACK_UNJOURNALED("ack-unjournaled",
            "a broadcast is acknowledged before it is journaled (the journal is never written), so a kill takes"
                    + " acknowledged values that had not left the node",
            List.of("broadcast.journal.enabled=false"), () -> LineFilter.PASS),

    HUB_FORGETS_BATCH("hub-forgets-batch",
            "a restarted hub keeps its old epoch, so its peers trust what it confirmed before the kill and the"
                    + " batch it had taken but not passed on is gone",
            List.of(), OldEpoch::new),

    NO_GAP_REPAIR("no-gap-repair",
            "the direct overlay (one hop, sent once to non-hub peers) with the hub's gap repair off: the hub"
                    + " sends only its own clients' values, so a dropped one-hop send never comes back",
            List.of("broadcast.strategy=direct"), OwnValuesOnly::new),

    SUMMARY_PLUS_ONE("summary-plus-one",
            "every summary claims one value too many, the lowest one the node lacks, so its peers never send it",
            List.of(), ClaimOneMore::new);

    private final String id;
    private final String description;
    private final List<String> overrides;
    private final Supplier<LineFilter> filters;

    Plant(String id, String description, List<String> overrides, Supplier<LineFilter> filters) {
        this.id = id;
        this.description = description;
        this.overrides = overrides;
        this.filters = filters;
    }

    /** The name on the command line ({@code --plant no-retransmit}). */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Node properties the defect needs, {@code name=value}. */
    public List<String> overrides() {
        return overrides;
    }

    /** A new filter for one node id, for the whole run (every incarnation of the node). */
    public LineFilter filter() {
        return filters.get();
    }

    /** Every defect, without {@link #NONE}. */
    public static List<Plant> defects() {
        return Arrays.stream(values()).filter(plant -> plant != NONE).toList();
    }

    public static Optional<Plant> named(String id) {
        return Arrays.stream(values()).filter(plant -> plant.id.equals(id)).findFirst();
    }
}
