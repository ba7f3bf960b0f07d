package io.glomers.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Topologies shaped as Maelstrom builds them. */
class TopologiesTest {

    private static List<String> nodes(int n) {
        return IntStream.range(0, n).mapToObj(i -> "n" + i).toList();
    }

    @Test
    void gridIsASquareFilledRowByRowWithNeighboursBelowAboveRightLeft() {
        Map<String, List<String>> grid = Topologies.build("grid", nodes(25));

        assertThat(grid.get("n0")).containsExactly("n5", "n1");
        assertThat(grid.get("n12")).containsExactly("n17", "n7", "n13", "n11");
        assertThat(grid.get("n24")).containsExactly("n19", "n23");
        assertThat(Topologies.build("grid", nodes(5)).get("n4")).containsExactly("n1", "n3");
        assertThat(Topologies.build("grid", nodes(1))).isEqualTo(Map.of("n0", List.of()));
    }

    @Test
    void treesPutTheParentFirstThenTheChildren() {
        Map<String, List<String>> tree = Topologies.build("tree2", nodes(7));

        assertThat(tree.get("n0")).containsExactly("n1", "n2");
        assertThat(tree.get("n1")).containsExactly("n0", "n3", "n4");
        assertThat(tree.get("n6")).containsExactly("n2");
        assertThat(Topologies.build("tree4", nodes(6)).get("n0")).containsExactly("n1", "n2", "n3", "n4");
    }

    @Test
    void lineAndTotal() {
        assertThat(Topologies.build("line", nodes(3))).isEqualTo(Map.of(
                "n0", List.of("n1"), "n1", List.of("n0", "n2"), "n2", List.of("n1")));
        assertThat(Topologies.build("line", nodes(1))).isEmpty();
        assertThat(Topologies.build("total", nodes(3)).get("n1")).containsExactly("n0", "n2");
    }
}
