package io.glomers.bench.nemesis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Which nodes a kill or pause hits, as Jepsen's node targets: {@code :one} random node or a random
 * {@code :minority} (fewer than half, at least one), each equally likely. Drawn from the run's random.
 */
final class NodeTargets {

    /** A choice: the Jepsen target keyword and the nodes, in id order. */
    record Pick(String spec, List<String> nodes) {
    }

    private final Random random;
    private final List<String> nodes;

    NodeTargets(Random random, List<String> nodes) {
        this.random = random;
        this.nodes = List.copyOf(nodes);
    }

    /** Draws the targets among all nodes, then keeps those {@code eligible} (possibly none). */
    Pick pick(Predicate<String> eligible) {
        List<String> shuffled = new ArrayList<>(nodes);
        Collections.shuffle(shuffled, random);
        boolean one = random.nextBoolean();
        int count = one ? 1 : Math.max(1, (nodes.size() - 1) / 2);
        List<String> picked = shuffled.subList(0, count);
        return new Pick(one ? "one" : "minority", nodes.stream().filter(picked::contains).filter(eligible).toList());
    }

    /** Nodes as Jepsen prints them: ["n1" "n3"]. */
    static String edn(List<String> nodes) {
        return "[" + String.join(" ", nodes.stream().map(node -> "\"" + node + "\"").toList()) + "]";
    }

    /** Each node with its new state as Jepsen's db nemeses print it: {"n1" :killed, "n3" :killed}. */
    static String edn(List<String> nodes, String state) {
        return "{" + String.join(", ", nodes.stream().map(node -> "\"" + node + "\" :" + state).toList()) + "}";
    }
}
