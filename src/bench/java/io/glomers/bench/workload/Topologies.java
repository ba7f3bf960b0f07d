package io.glomers.bench.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suggested topologies of Maelstrom's broadcast workload ({@code --topology}), built the way
 * {@code maelstrom.workload.broadcast} builds them, neighbour order included.
 */
public final class Topologies {

    public static final List<String> NAMES = List.of("grid", "line", "tree", "tree2", "tree3", "tree4", "total");

    private Topologies() {
    }

    public static Map<String, List<String>> build(String name, List<String> nodes) {
        return switch (name) {
            case "grid" -> grid(nodes);
            case "line" -> line(nodes);
            case "tree", "tree2" -> tree(2, nodes);
            case "tree3" -> tree(3, nodes);
            case "tree4" -> tree(4, nodes);
            case "total" -> total(nodes);
            default -> throw new IllegalArgumentException("unknown topology " + name + "; one of " + NAMES);
        };
    }

    /** A square of side ceil(sqrt(n)), filled row by row; neighbours below, above, right, left. */
    static Map<String, List<String>> grid(List<String> nodes) {
        int n = nodes.size();
        int side = (int) Math.ceil(Math.sqrt(n));
        Map<String, List<String>> topology = new LinkedHashMap<>();
        for (int index = 0; index < n; index++) {
            int i = index / side;
            int j = index % side;
            List<String> neighbours = new ArrayList<>();
            addIfPresent(neighbours, nodes, side, i + 1, j);
            addIfPresent(neighbours, nodes, side, i - 1, j);
            addIfPresent(neighbours, nodes, side, i, j + 1);
            addIfPresent(neighbours, nodes, side, i, j - 1);
            topology.put(nodes.get(index), neighbours);
        }
        return topology;
    }

    private static void addIfPresent(List<String> neighbours, List<String> nodes, int side, int i, int j) {
        if (i >= 0 && j >= 0 && j < side && i * side + j < nodes.size()) {
            neighbours.add(nodes.get(i * side + j));
        }
    }

    /** A chain; Maelstrom gives an empty map (not even the node itself) for fewer than two nodes. */
    static Map<String, List<String>> line(List<String> nodes) {
        int n = nodes.size();
        Map<String, List<String>> topology = new LinkedHashMap<>();
        if (n < 2) {
            return topology;
        }
        for (int i = 0; i < n; i++) {
            List<String> neighbours = new ArrayList<>();
            if (i > 0) {
                neighbours.add(nodes.get(i - 1));
            }
            if (i < n - 1) {
                neighbours.add(nodes.get(i + 1));
            }
            topology.put(nodes.get(i), neighbours);
        }
        return topology;
    }

    /**
     * Maelstrom fills tiers of size 1, b, b^2, ... in node order and gives each parent the next b
     * children of the tier below: node i's parent is (i - 1) / b. Neighbours: parent first, then children.
     */
    static Map<String, List<String>> tree(int branching, List<String> nodes) {
        int n = nodes.size();
        Map<String, List<String>> topology = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            List<String> neighbours = new ArrayList<>();
            if (i > 0) {
                neighbours.add(nodes.get((i - 1) / branching));
            }
            for (int child = branching * i + 1; child <= branching * i + branching && child < n; child++) {
                neighbours.add(nodes.get(child));
            }
            topology.put(nodes.get(i), neighbours);
        }
        return topology;
    }

    static Map<String, List<String>> total(List<String> nodes) {
        Map<String, List<String>> topology = new LinkedHashMap<>();
        for (String node : nodes) {
            topology.put(node, nodes.stream().filter(other -> !other.equals(node)).toList());
        }
        return topology;
    }
}
