package io.glomers.bench.options;

import io.glomers.bench.run.Targets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A part of Fly.io's challenge #3 as {@code bin/challenge} runs it: the Maelstrom arguments of the
 * challenge's table, which are the defaults of the part's command (options given override them), and
 * the efficiency targets of 3d and 3e.
 */
public enum Part {
    A("3a", "single-node broadcast", null, "--node-count", "1", "--time-limit", "20", "--rate", "10"),
    B("3b", "multi-node broadcast", null, "--node-count", "5", "--time-limit", "20", "--rate", "10"),
    C("3c", "fault-tolerant broadcast", null,
            "--node-count", "5", "--time-limit", "20", "--rate", "10", "--nemesis", "partition"),
    D("3d", "efficient broadcast I: msgs-per-op < 30, stable latency median < 400 ms, max < 600 ms",
            new Targets(30, 400, 600), "--node-count", "25", "--time-limit", "20", "--rate", "100", "--latency", "100"),
    E("3e", "efficient broadcast II: msgs-per-op < 20, stable latency median < 1 s, max < 2 s",
            new Targets(20, 1000, 2000), "--node-count", "25", "--time-limit", "20", "--rate", "100", "--latency", "100");

    private final String id;
    private final String title;
    private final Targets targets;
    private final Map<String, String> defaults = new LinkedHashMap<>();

    Part(String id, String title, Targets targets, String... optionValuePairs) {
        this.id = id;
        this.title = title;
        this.targets = targets;
        for (int i = 0; i < optionValuePairs.length; i += 2) {
            defaults.put(optionValuePairs[i], optionValuePairs[i + 1]);
        }
    }

    public static Optional<Part> named(String id) {
        return Arrays.stream(values()).filter(part -> part.id.equals(id)).findFirst();
    }

    /** {@code 3a 3b 3c 3d 3e}, for messages. */
    public static String ids() {
        return Arrays.stream(values()).map(Part::id).collect(Collectors.joining(" "));
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** Null for the parts that only have to be valid. */
    public Targets targets() {
        return targets;
    }

    /** The part's value of an option (its longest name), or null where Maelstrom's default stands. */
    public String defaultOf(String option) {
        return defaults.get(option);
    }

    /** The part's Maelstrom arguments, as the challenge states them. */
    public List<String> arguments() {
        return defaults.entrySet().stream().flatMap(e -> List.of(e.getKey(), e.getValue()).stream()).toList();
    }
}
