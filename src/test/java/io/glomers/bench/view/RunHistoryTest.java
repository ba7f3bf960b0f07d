package io.glomers.bench.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.history.Op;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RunHistoryTest {

    private static Op op(int index, long millis, Op.Type type, int process, String f, Object value) {
        return new Op(index, millis * 1_000_000, type, process, f, value, false);
    }

    @Test
    void pairsEachInvocationWithItsProcesssNextCompletion() {
        HistorySpans history = HistorySpans.of(List.of(
                op(0, 0, Op.Type.INVOKE, 0, "broadcast", 5L),
                op(1, 1, Op.Type.INVOKE, 1, "read", null),
                op(2, 3, Op.Type.OK, 1, "read", List.of(5L)),
                op(3, 4, Op.Type.INFO, 0, "broadcast", 5L),
                op(4, 9, Op.Type.INVOKE, 2, "read", null)));

        assertThat(history.spans()).containsExactly(
                new OpSpan(0, "broadcast", Op.Type.INFO, 0, 4_000_000, 0, 3, "5", "5", false),
                new OpSpan(1, "read", Op.Type.OK, 1_000_000, 3_000_000, 1, 2, "nil", "[5]", false),
                new OpSpan(2, "read", null, 9_000_000, 9_000_000, 4, 4, "nil", null, false));
        assertThat(history.spans().get(1).latencyMillis()).isEqualTo(2.0);
        assertThat(history.entries()).isEqualTo(5);
        assertThat(history.functions()).containsExactly("broadcast", "read");
    }

    @Test
    void aFaultLastsFromItsFirstStartEntryToItsFirstStopEntryOrToTheEnd() {
        HistorySpans history = HistorySpans.of(List.of(
                op(0, 1000, Op.Type.INFO, Op.NEMESIS, "start-partition", ":one"),
                op(1, 1001, Op.Type.INFO, Op.NEMESIS, "start-partition", "[:isolated {}]"),
                op(2, 2000, Op.Type.INFO, Op.NEMESIS, "kill", "[\"n1\"]"),
                op(3, 3000, Op.Type.INFO, Op.NEMESIS, "stop-partition", null),
                op(4, 3001, Op.Type.INFO, Op.NEMESIS, "stop-partition", ":network-healed"),
                op(5, 5000, Op.Type.INFO, Op.NEMESIS, "pause", "[\"n2\"]"),
                op(6, 6000, Op.Type.INFO, Op.NEMESIS, "start", "[\"n1\"]"),
                op(7, 8000, Op.Type.INVOKE, 0, "read", null)));

        assertThat(history.faults()).containsExactly(new FaultSpan("partition", 1.0, 3.0), new FaultSpan("kill", 2.0, 6.0),
                new FaultSpan("pause", 5.0, 8.0));
        assertThat(history.nemesis()).hasSize(7);
    }

    @Test
    void longReadsShowTheirEndsAndSize() {
        List<Long> values = LongStream.range(0, 100).boxed().toList();

        assertThat(ValueText.of(values)).isEqualTo("[0 1 2 3 4 5 6 7 … 97 98 99] (100 values)");
        assertThat(ValueText.of(List.of(1L, 2L))).isEqualTo("[1 2]");
        assertThat(ValueText.of(null)).isEqualTo("nil");
    }

    @Test
    void windowsAreTheWidestRoundWidthGivingEnoughOfThem() {
        assertThat(Buckets.over(30, 12).width()).isEqualTo(2);
        assertThat(Buckets.over(30, 6).width()).isEqualTo(5);
        assertThat(Buckets.over(15, 12).width()).isEqualTo(1);
        assertThat(Buckets.over(600, 12).width()).isEqualTo(30);
        assertThat(Buckets.over(0.5, 12).width()).isEqualTo(0.1);
        Buckets two = new Buckets(2);
        assertThat(two.index(3.9)).isEqualTo(1);
        assertThat(two.middle(1)).isEqualTo(3);
        assertThat(two.end(3.9)).isEqualTo(4);
        assertThat(new Buckets(0.5).label()).isEqualTo("0.5 s");
    }
}
