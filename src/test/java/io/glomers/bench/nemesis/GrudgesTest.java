package io.glomers.bench.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Jepsen's partition shapes. */
class GrudgesTest {

    private final List<String> nodes = IntStream.range(0, 25).mapToObj(i -> "n" + i).toList();
    private final Grudges grudges = new Grudges(new Random(3));

    @Test
    void oneIsolatesASingleNodeBothWays() {
        Map<String, Set<String>> grudge = grudges.grudge(Grudges.Spec.ONE, nodes);

        String loner = grudge.entrySet().stream().filter(e -> e.getValue().size() == 24).findFirst().orElseThrow().getKey();
        assertThat(grudge).hasSize(25);
        grudge.forEach((node, hated) -> assertThat(hated).isEqualTo(node.equals(loner) ? without(loner) : Set.of(loner)));
    }

    @Test
    void majorityAndMinorityThirdAreCleanSplits() {
        assertThat(grudges.grudge(Grudges.Spec.MAJORITY, nodes).values()).extracting(Set::size).containsOnly(12, 13);
        // floor((25 - 1) / 3) = 8 nodes cut off from the other 17.
        assertThat(grudges.grudge(Grudges.Spec.MINORITY_THIRD, nodes).values()).extracting(Set::size).containsOnly(8, 17);
        assertThat(grudges.grudge(Grudges.Spec.MINORITY_THIRD, List.of("n0", "n1", "n2", "n3", "n4")).values())
                .extracting(Set::size).containsOnly(1, 4);
    }

    @Test
    void majoritiesRingLetsEveryNodeSeeADifferentMajority() {
        Map<String, Set<String>> grudge = grudges.grudge(Grudges.Spec.MAJORITIES_RING, nodes);

        assertThat(grudge).hasSize(25);
        assertThat(grudge.values()).extracting(Set::size).containsOnly(12);
        assertThat(new HashSet<>(grudge.values())).hasSize(25);
        grudge.forEach((node, hated) -> assertThat(hated).doesNotContain(node));
    }

    private Set<String> without(String node) {
        Set<String> others = new HashSet<>(nodes);
        others.remove(node);
        return others;
    }
}
