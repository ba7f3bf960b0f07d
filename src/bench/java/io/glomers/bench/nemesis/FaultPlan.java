package io.glomers.bench.nemesis;

import io.glomers.bench.history.Op;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixed schedule of faults ({@code --faults}), instead of the nemeses' schedule drawn from the seed:
 * what a shrinker takes apart one event at a time, and what a replay of a failure found by the swarm
 * needs to fail again without the rest of its faults. Written as the events ({@link FaultEvent}) joined
 * by commas, or {@code none}.
 */
public record FaultPlan(List<FaultEvent> events) {

    private static final Pattern QUOTED_NODE = Pattern.compile("\"(n\\d+)\"");
    private static final Pattern HATED = Pattern.compile("\"(n\\d+)\" #\\{([^}]*)}");

    public FaultPlan {
        events = List.copyOf(events);
    }

    public static FaultPlan parse(String text) {
        if (text.equals("none")) {
            return new FaultPlan(List.of());
        }
        List<FaultEvent> events = new ArrayList<>();
        for (String event : text.split(",", -1)) {
            events.add(FaultEvent.parse(event.trim()));
        }
        return new FaultPlan(events);
    }

    /**
     * The faults a run's nemeses injected, read from its history: each from the moment it was in
     * place to the moment its undoing began; one still in place when the workload ended lasts until
     * {@code timeLimitMillis}, which the plan reads as "until the heal".
     */
    public static FaultPlan of(List<Op> history, long timeLimitMillis) {
        List<FaultEvent> events = new ArrayList<>();
        Map<Fault, Op> open = new TreeMap<>();
        for (Op op : history) {
            if (op.isClient() || !(op.value() instanceof String value)) {
                continue;
            }
            Fault started = switch (op.f()) {
                case "start-partition" -> value.startsWith("[:isolated") ? Fault.PARTITION : null;
                case "kill" -> value.startsWith("[") ? Fault.KILL : null;
                case "pause" -> value.startsWith("[") ? Fault.PAUSE : null;
                default -> null;
            };
            Fault ended = switch (op.f()) {
                case "stop-partition" -> Fault.PARTITION;
                case "start" -> value.startsWith("[") ? Fault.KILL : null;
                case "resume" -> value.startsWith("[") ? Fault.PAUSE : null;
                default -> null;
            };
            if (started != null) {
                open.put(started, op);
            } else if (ended != null && open.containsKey(ended)) {
                event(open.remove(ended), Math.min(millis(op), timeLimitMillis), events);
            }
        }
        open.values().forEach(op -> event(op, timeLimitMillis, events));
        events.sort((a, b) -> Long.compare(a.startMillis(), b.startMillis()));
        return new FaultPlan(events);
    }

    private static void event(Op start, long endMillis, List<FaultEvent> events) {
        long startMillis = millis(start);
        if (endMillis <= startMillis) {
            return;
        }
        String value = (String) start.value();
        if (start.f().equals("start-partition")) {
            Map<String, Set<String>> grudge = new TreeMap<>();
            Matcher entry = HATED.matcher(value);
            while (entry.find()) {
                grudge.put(entry.group(1), new TreeSet<>(nodes(entry.group(2))));
            }
            if (!grudge.isEmpty()) {
                events.add(FaultEvent.partition(startMillis, endMillis, grudge));
            }
        } else if (!nodes(value).isEmpty()) {
            events.add(FaultEvent.of(start.f().equals("kill") ? Fault.KILL : Fault.PAUSE, startMillis, endMillis, nodes(value)));
        }
    }

    private static List<String> nodes(String text) {
        List<String> nodes = new ArrayList<>();
        Matcher node = QUOTED_NODE.matcher(text);
        while (node.find()) {
            nodes.add(node.group(1));
        }
        return nodes;
    }

    private static long millis(Op op) {
        return Math.max(0, Math.round(op.time() / 1e6));
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    /** The nemeses the plan uses. */
    public Set<Fault> kinds() {
        Set<Fault> kinds = EnumSet.noneOf(Fault.class);
        events.forEach(event -> kinds.add(event.kind()));
        return kinds;
    }

    /** Refuses a plan that names a node a cluster of {@code nodeCount} does not have. */
    public void checkNodes(int nodeCount) {
        for (FaultEvent event : events) {
            for (String node : event.named()) {
                if (number(node) >= nodeCount) {
                    throw new IllegalArgumentException("--faults names " + node + ", but the cluster is n0..n"
                            + (nodeCount - 1) + " (--node-count " + nodeCount + ")");
                }
            }
        }
    }

    public FaultPlan without(int index) {
        List<FaultEvent> left = new ArrayList<>(events);
        left.remove(index);
        return new FaultPlan(left);
    }

    public FaultPlan with(int index, FaultEvent event) {
        List<FaultEvent> changed = new ArrayList<>(events);
        changed.set(index, event);
        return new FaultPlan(changed);
    }

    /** The plan for the first {@code nodeCount} nodes: faults on the others are dropped from each event. */
    public FaultPlan forNodes(int nodeCount) {
        List<FaultEvent> left = new ArrayList<>();
        for (FaultEvent event : events) {
            FaultEvent kept = event.restrictedTo(node -> number(node) < nodeCount);
            if (kept != null) {
                left.add(kept);
            }
        }
        return new FaultPlan(left);
    }

    /**
     * The plan for the first {@code nodeCount} nodes, a kill or pause of a node beyond them aimed at
     * node (its number mod {@code nodeCount}) instead, so that fewer nodes keep as many faults;
     * partitions lose the nodes beyond, as in {@link #forNodes}.
     */
    public FaultPlan foldedOnto(int nodeCount) {
        List<FaultEvent> left = new ArrayList<>();
        for (FaultEvent event : events) {
            if (event.kind() == Fault.PARTITION) {
                FaultEvent kept = event.restrictedTo(node -> number(node) < nodeCount);
                if (kept != null) {
                    left.add(kept);
                }
            } else {
                List<String> folded = event.nodes().stream().map(node -> "n" + number(node) % nodeCount).distinct().toList();
                left.add(FaultEvent.of(event.kind(), event.startMillis(), event.endMillis(), folded));
            }
        }
        return new FaultPlan(left);
    }

    private static long number(String node) {
        return Long.parseLong(node.substring(1));
    }

    /** The plan for a workload of {@code timeLimitMillis}: later faults dropped, longer ones last until the heal. */
    public FaultPlan within(long timeLimitMillis) {
        List<FaultEvent> left = new ArrayList<>();
        for (FaultEvent event : events) {
            if (event.startMillis() < timeLimitMillis) {
                left.add(event.during(event.startMillis(), Math.min(event.endMillis(), timeLimitMillis)));
            }
        }
        return new FaultPlan(left);
    }

    @Override
    public String toString() {
        return events.isEmpty() ? "none" : String.join(",", events.stream().map(FaultEvent::toString).toList());
    }
}
