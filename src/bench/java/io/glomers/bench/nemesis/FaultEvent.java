package io.glomers.bench.nemesis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * One fault of a {@link FaultPlan}: what, when (milliseconds from the workload's start) and whom.
 * Written {@code KIND@START-END=TARGETS} with times in seconds: {@code kill@1.2-3.5=n1.n3},
 * {@code pause@0-2=n2}, and for a partition the groups that still hear each other
 * ({@code partition@2-4=n0.n1/n2.n3.n4}) or, when the grudge is no such split (Jepsen's
 * majorities ring), each node with the nodes it does not hear ({@code partition@2-4=n0:n2.n3/n1:n3.n4}).
 * A fault that ends at or after the time limit lasts until the heal before the final reads.
 *
 * @param nodes  whom a kill or pause hits (kept in id order); empty for a partition
 * @param grudge for a partition, each node to the nodes it does not hear from; empty otherwise
 */
public record FaultEvent(Fault kind, long startMillis, long endMillis, List<String> nodes,
                         Map<String, Set<String>> grudge) {

    public FaultEvent {
        if (startMillis < 0 || endMillis <= startMillis) {
            throw new IllegalArgumentException("a fault must start at 0 s or later and end after it starts: "
                    + seconds(startMillis) + "-" + seconds(endMillis));
        }
        nodes = List.copyOf(sortedSet(new HashSet<>(nodes)));
        Map<String, Set<String>> sorted = new TreeMap<>(FaultEvent::byNumber);
        grudge.forEach((node, hated) -> {
            if (!hated.isEmpty()) {
                sorted.put(node, sortedSet(hated));
            }
        });
        grudge = Collections.unmodifiableMap(sorted);
        if (kind == Fault.PARTITION ? grudge.isEmpty() : nodes.isEmpty()) {
            throw new IllegalArgumentException("a " + name(kind) + " needs " + (kind == Fault.PARTITION
                    ? "two groups of nodes, or a node that does not hear another" : "a node"));
        }
    }

    public static FaultEvent partition(long startMillis, long endMillis, Map<String, Set<String>> grudge) {
        return new FaultEvent(Fault.PARTITION, startMillis, endMillis, List.of(), grudge);
    }

    public static FaultEvent of(Fault kind, long startMillis, long endMillis, List<String> nodes) {
        return new FaultEvent(kind, startMillis, endMillis, nodes, Map.of());
    }

    /** Parses one event as {@link #toString()} writes it. */
    public static FaultEvent parse(String text) {
        int at = text.indexOf('@');
        int dash = text.indexOf('-', at + 1);
        int equals = text.indexOf('=', dash + 1);
        if (at < 0 || dash < 0 || equals < 0) {
            throw new IllegalArgumentException("'" + text + "' is not KIND@START-END=TARGETS (e.g. kill@1.5-3=n1.n2)");
        }
        Fault kind = kind(text.substring(0, at));
        long start = millis(text.substring(at + 1, dash));
        long end = millis(text.substring(dash + 1, equals));
        String targets = text.substring(equals + 1);
        if (kind != Fault.PARTITION) {
            return of(kind, start, end, nodeList(targets));
        }
        List<String> groups = List.of(targets.split("/", -1));
        if (groups.stream().anyMatch(group -> group.contains(":"))) {
            Map<String, Set<String>> grudge = new TreeMap<>();
            for (String entry : groups) {
                String[] parts = entry.split(":", -1);
                if (parts.length != 2) {
                    throw new IllegalArgumentException("'" + entry + "' is not NODE:NODE.NODE... (a node and whom it does not hear)");
                }
                grudge.put(node(parts[0]), new TreeSet<>(nodeList(parts[1])));
            }
            return partition(start, end, grudge);
        }
        return partition(start, end, Grudges.complete(groups.stream().map(FaultEvent::nodeList).toList()));
    }

    /** Every node this event names. */
    public Set<String> named() {
        Set<String> named = new TreeSet<>(FaultEvent::byNumber);
        named.addAll(nodes);
        grudge.forEach((node, hated) -> {
            named.add(node);
            named.addAll(hated);
        });
        return named;
    }

    /** The same fault on the nodes {@code kept} lets stay; null when nothing of it is left. */
    public FaultEvent restrictedTo(Predicate<String> kept) {
        if (kind != Fault.PARTITION) {
            List<String> left = nodes.stream().filter(kept).toList();
            return left.isEmpty() ? null : of(kind, startMillis, endMillis, left);
        }
        Map<String, Set<String>> left = new TreeMap<>();
        grudge.forEach((node, hated) -> {
            if (kept.test(node)) {
                Set<String> still = new TreeSet<>(hated.stream().filter(kept).toList());
                if (!still.isEmpty()) {
                    left.put(node, still);
                }
            }
        });
        return left.isEmpty() ? null : partition(startMillis, endMillis, left);
    }

    public FaultEvent during(long startMillis, long endMillis) {
        return new FaultEvent(kind, startMillis, endMillis, nodes, grudge);
    }

    public long durationMillis() {
        return endMillis - startMillis;
    }

    @Override
    public String toString() {
        String targets = kind == Fault.PARTITION ? groupsOrGrudge() : String.join(".", nodes);
        return name(kind) + "@" + seconds(startMillis) + "-" + seconds(endMillis) + "=" + targets;
    }

    private String groupsOrGrudge() {
        List<Set<String>> groups = groups();
        if (groups != null) {
            return String.join("/", groups.stream().map(group -> String.join(".", group)).toList());
        }
        List<String> entries = new ArrayList<>();
        grudge.forEach((node, hated) -> entries.add(node + ":" + String.join(".", hated)));
        return String.join("/", entries);
    }

    /** The groups whose members hear each other and no one else, when the grudge is such a split; else null. */
    private List<Set<String>> groups() {
        Set<String> all = named();
        List<Set<String>> groups = new ArrayList<>();
        for (String node : all) {
            Set<String> heard = new TreeSet<>(FaultEvent::byNumber);
            heard.addAll(all);
            heard.removeAll(grudge.getOrDefault(node, Set.of()));
            if (groups.stream().noneMatch(group -> group.equals(heard))) {
                groups.add(heard);
            }
        }
        boolean disjoint = groups.stream().mapToInt(Set::size).sum() == all.size();
        return disjoint && Grudges.complete(groups.stream().map(List::copyOf).toList()).equals(grudge) ? groups : null;
    }

    static String name(Fault kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static Fault kind(String name) {
        for (Fault kind : Fault.values()) {
            if (name(kind).equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a fault: partition, kill or pause");
    }

    private static long millis(String seconds) {
        try {
            double value = Double.parseDouble(seconds);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return Math.round(value * 1000);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + seconds + "' is not a time in seconds");
        }
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000)
                : BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }

    private static List<String> nodeList(String text) {
        Set<String> nodes = new LinkedHashSet<>();
        for (String name : text.split("\\.", -1)) {
            nodes.add(node(name));
        }
        List<String> sorted = new ArrayList<>(nodes);
        sorted.sort(FaultEvent::byNumber);
        return sorted;
    }

    private static String node(String name) {
        if (!name.matches("n(0|[1-9][0-9]{0,8})")) {
            throw new IllegalArgumentException("'" + name + "' is not a node id (n0, n1, ...)");
        }
        return name;
    }

    private static Set<String> sortedSet(Set<String> nodes) {
        Set<String> sorted = new TreeSet<>(FaultEvent::byNumber);
        sorted.addAll(nodes);
        return Collections.unmodifiableSet(sorted);
    }

    /** n2 before n10. */
    static int byNumber(String a, String b) {
        int byLength = Integer.compare(a.length(), b.length());
        return byLength != 0 ? byLength : a.compareTo(b);
    }
}
