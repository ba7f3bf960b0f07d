package io.glomers.frontier;

import io.glomers.bench.nemesis.Fault;
import io.glomers.bench.options.RunArguments;
import io.glomers.bench.run.BenchOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One cell of the adaptive sweep: part 3d's run with its node count, latency, latency distribution,
 * request rate and nemesis replaced.
 */
public record Cell(int nodes, long latencyMillis, String distribution, double rate, boolean partitions) {

    /** The options a cell of one's own may set ({@code --cell}); the rest are part 3d's. */
    private static final List<String> OWN_CELL_OPTIONS = List.of("--node-count", "--latency", "--latency-dist", "--rate",
            "--nemesis");

    /**
     * A cell of one's own, from Maelstrom's options ({@code "--node-count 20 --latency 300 --latency-dist
     * uniform"}) over part 3d's: the options a cell varies and nothing else, checked as the bench checks
     * a run's.
     */
    static Cell parse(String options) {
        List<String> arguments = new ArrayList<>(List.of("3d"));
        String[] words = options.trim().split("\\s+");
        for (int i = 0; i < words.length; i += 2) {
            if (!OWN_CELL_OPTIONS.contains(words[i])) {
                throw new IllegalArgumentException("--cell '" + options + "': '" + words[i]
                        + "' is not an option a cell sets (" + String.join(", ", OWN_CELL_OPTIONS) + " partition)");
            }
            if (i + 1 == words.length) {
                throw new IllegalArgumentException("--cell '" + options + "': " + words[i] + " needs a value");
            }
            arguments.addAll(List.of(words[i], words[i + 1]));
        }
        BenchOptions run = RunArguments.parse(arguments, 1);
        if (!Set.of(Fault.PARTITION).containsAll(run.faults())) {
            throw new IllegalArgumentException("--cell '" + options + "': a cell's only nemesis is partition");
        }
        return new Cell(run.nodeCount(), run.latency().meanMillis(),
                run.latency().distribution().name().toLowerCase(Locale.ROOT), run.rate(),
                run.faults().contains(Fault.PARTITION));
    }

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
