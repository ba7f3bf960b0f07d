package io.glomers.frontier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One cell of the adaptive sweep: part 3d's run with its node count, latency, latency distribution,
 * request rate and nemesis replaced.
 */
public record Cell(int nodes, long latencyMillis, String distribution, double rate, boolean partitions) {

    /** Maelstrom's arguments, as {@code bin/challenge} and {@code RunArguments} take them. */
    public List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of("3d", "--node-count", Integer.toString(nodes),
                "--latency", Long.toString(latencyMillis), "--latency-dist", distribution,
                "--rate", rateText(), "--time-limit", "20"));
        if (partitions) {
            arguments.addAll(List.of("--nemesis", "partition"));
        }
        return arguments;
    }

    /** The same cell without the partitions: where a partitioned cell's objective is judged. */
    public Cell withoutPartitions() {
        return new Cell(nodes, latencyMillis, distribution, rate, false);
    }

    /** "25 nodes, 100 ms constant, rate 100" (", partitions" when partitioned). */
    public String label() {
        return nodes + " nodes, " + latencyMillis + " ms " + distribution + ", rate " + rateText()
                + (partitions ? ", partitions" : "");
    }

    private String rateText() {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : String.format(Locale.ROOT, "%s", rate);
    }

    @Override
    public String toString() {
        return String.join(" ", arguments());
    }
}
