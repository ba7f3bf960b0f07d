package io.glomers.bench.nemesis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Jepsen's partition shapes as Maelstrom's partition nemesis draws them. A grudge maps each node to
 * the nodes it will not hear from.
 */
public final class Grudges {

    /** The partition specs Maelstrom's nemesis picks from, by their Jepsen names. */
    public enum Spec {
        ONE("one"), MAJORITY("majority"), MAJORITIES_RING("majorities-ring"), MINORITY_THIRD("minority-third");

        private final String keyword;

        Spec(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    private final Random random;

    public Grudges(Random random) {
        this.random = random;
    }

    public Spec pick() {
        Spec[] specs = Spec.values();
        return specs[random.nextInt(specs.length)];
    }

    public Map<String, Set<String>> grudge(Spec spec, List<String> nodes) {
        return switch (spec) {
            case ONE -> {
                // Jepsen's split-one: one random node on its own.
                List<String> shuffled = shuffled(nodes);
                yield complete(List.of(shuffled.subList(0, 1), shuffled.subList(1, shuffled.size())));
            }
            case MAJORITY -> {
                // Jepsen's bisect of a shuffle: the first floor(n/2) nodes against the rest.
                List<String> shuffled = shuffled(nodes);
                int cut = nodes.size() / 2;
                yield complete(List.of(shuffled.subList(0, cut), shuffled.subList(cut, shuffled.size())));
            }
            case MINORITY_THIRD -> {
                // util/minority-third: floor((n - 1) / 3) nodes, strictly fewer than a third.
                List<String> shuffled = shuffled(nodes);
                int cut = (nodes.size() - 1) / 3;
                yield complete(List.of(shuffled.subList(0, cut), shuffled.subList(cut, shuffled.size())));
            }
            case MAJORITIES_RING -> majoritiesRing(nodes);
        };
    }

    /** Every node is cut off from all nodes outside its own component. */
    static Map<String, Set<String>> complete(List<List<String>> components) {
        Map<String, Set<String>> grudge = new HashMap<>();
        for (List<String> component : components) {
            for (String node : component) {
                Set<String> others = new HashSet<>();
                components.stream().filter(c -> c != component).forEach(others::addAll);
                if (!others.isEmpty()) {
                    grudge.put(node, others);
                }
            }
        }
        return grudge;
    }

    /**
     * Jepsen's majorities-ring: nodes shuffled into a ring; each node sees the majority window of the
     * ring centred on itself and holds a grudge against everyone else, so every node sees a majority
     * but no two majorities are the same.
     */
    private Map<String, Set<String>> majoritiesRing(List<String> nodes) {
        List<String> ring = shuffled(nodes);
        int n = ring.size();
        int majority = n / 2 + 1;
        Map<String, Set<String>> grudge = new HashMap<>();
        for (int start = 0; start < n; start++) {
            Set<String> window = new HashSet<>();
            for (int k = 0; k < majority; k++) {
                window.add(ring.get((start + k) % n));
            }
            String centre = ring.get((start + majority / 2) % n);
            Set<String> outside = new HashSet<>(nodes);
            outside.removeAll(window);
            if (!outside.isEmpty()) {
                grudge.put(centre, outside);
            }
        }
        return grudge;
    }

    private List<String> shuffled(List<String> nodes) {
        List<String> copy = new ArrayList<>(nodes);
        Collections.shuffle(copy, random);
        return copy;
    }
}
