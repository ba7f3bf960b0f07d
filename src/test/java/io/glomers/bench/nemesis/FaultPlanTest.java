package io.glomers.bench.nemesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glomers.bench.history.Op;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A fixed fault schedule: written and read back the same, cut to fewer nodes or a shorter run, read from a history. */
class FaultPlanTest {

    @Test
    void aPlanReadsBackAsItIsWritten() {
        for (String text : List.of("none", "kill@1.2-3.5=n1.n3", "pause@0-2=n2,partition@2.25-4=n0.n1/n2.n3.n4",
                "partition@0.001-20=n0:n2.n3/n1:n3.n4/n2:n0.n4/n3:n0.n1/n4:n1.n2")) {
            assertThat(FaultPlan.parse(text).toString()).isEqualTo(text);
        }
    }

    @Test
    void aPartitionIsWrittenAsItsGroupsWhenItSplitsTheNodesAndAsItsGrudgeOtherwise() {
        FaultEvent split = FaultEvent.partition(0, 1000, Grudges.complete(List.of(List.of("n2"), List.of("n0", "n1"))));
        // Jepsen's majorities ring of five: each node hears its two neighbours, so no two nodes hear the same ones.
        FaultEvent ring = FaultEvent.partition(0, 1000, Map.of("n0", Set.of("n2", "n3"), "n1", Set.of("n3", "n4"),
                "n2", Set.of("n4", "n0"), "n3", Set.of("n0", "n1"), "n4", Set.of("n1", "n2")));
        // Nodes a grudge does not name hear everyone: here n1.
        FaultEvent apart = FaultEvent.partition(0, 1000, Map.of("n0", Set.of("n2"), "n2", Set.of("n0")));

        assertThat(split).hasToString("partition@0-1=n0.n1/n2");
        assertThat(ring).hasToString("partition@0-1=n0:n2.n3/n1:n3.n4/n2:n0.n4/n3:n0.n1/n4:n1.n2");
        assertThat(apart).hasToString("partition@0-1=n0/n2");
        assertThat(FaultEvent.parse(apart.toString())).isEqualTo(apart);
        assertThat(FaultEvent.parse(ring.toString())).isEqualTo(ring);
    }

    @Test
    void badPlansAreRefusedSayingWhatIsWrong() {
        assertThatThrownBy(() -> FaultPlan.parse("kill@1-0.5=n1")).hasMessageContaining("end after it starts");
        assertThatThrownBy(() -> FaultPlan.parse("crash@1-2=n1")).hasMessageContaining("'crash' is not a fault");
        assertThatThrownBy(() -> FaultPlan.parse("kill@1-2=x1")).hasMessageContaining("'x1' is not a node id");
        assertThatThrownBy(() -> FaultPlan.parse("kill@a-2=n1")).hasMessageContaining("'a' is not a time");
        assertThatThrownBy(() -> FaultPlan.parse("kill 1-2 n1")).hasMessageContaining("KIND@START-END=TARGETS");
        assertThatThrownBy(() -> FaultPlan.parse("partition@1-2=n0.n1")).hasMessageContaining("two groups");
        assertThatThrownBy(() -> FaultPlan.parse("kill@1-2=n7").checkNodes(5)).hasMessageContaining("n7")
                .hasMessageContaining("--node-count 5");
    }

    @Test
    void fewerNodesKeepWhatIsLeftOfEachFaultAndAShorterRunEndsFaultsAtItsEnd() {
        FaultPlan plan = FaultPlan.parse("partition@1-4=n0.n3/n1.n2,kill@2-3=n3,pause@5-9=n1.n4");

        assertThat(plan.forNodes(3)).hasToString("partition@1-4=n0/n1.n2,pause@5-9=n1");
        assertThat(plan.forNodes(1)).hasToString("none");
        assertThat(plan.within(6000)).hasToString("partition@1-4=n0.n3/n1.n2,kill@2-3=n3,pause@5-6=n1.n4");
        assertThat(plan.without(1).kinds()).containsExactlyInAnyOrder(Fault.PARTITION, Fault.PAUSE);
    }

    @Test
    void aHistoryGivesThePlanItsNemesesPlayed() {
        List<Op> history = List.of(
                nemesis(100, "start-partition", ":majority"),
                nemesis(100, "start-partition", "[:isolated {\"n0\" #{\"n2\"}, \"n1\" #{\"n2\"}, \"n2\" #{\"n0\" \"n1\"}}]"),
                nemesis(500, "kill", "[\"n1\"]"),
                nemesis(500, "kill", "{\"n1\" :killed}"),
                nemesis(1_500, "stop-partition", null),
                nemesis(1_500, "stop-partition", ":network-healed"),
                nemesis(2_000, "start", "[\"n1\"]"),
                nemesis(2_100, "start", "{\"n1\" :started}"),
                nemesis(3_000, "pause", "[\"n0\" \"n2\"]"),
                nemesis(3_000, "pause", "{\"n0\" :paused, \"n2\" :paused}"),
                nemesis(4_200, "resume", "[\"n0\" \"n2\"]"));

        assertThat(FaultPlan.of(history, 10_000))
                .hasToString("partition@0.1-1.5=n0.n1/n2,kill@0.5-2=n1,pause@3-4.2=n0.n2");
        assertThat(FaultPlan.of(history.subList(0, 9), 3_500))
                .as("faults still in place when the workload ends last until it ends")
                .hasToString("partition@0.1-1.5=n0.n1/n2,kill@0.5-2=n1,pause@3-3.5=n0.n2");
    }

    private static Op nemesis(long millis, String f, String value) {
        return new Op(0, millis * 1_000_000, Op.Type.INFO, Op.NEMESIS, f, value, false);
    }
}
