package io.glomers.bench.check;

import io.glomers.bench.history.Op;
import io.glomers.bench.check.WorkloadResult.StaleElement;
import io.glomers.bench.check.WorkloadResult.Validity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.glomers.bench.check.HistoryBuilder.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/** Hand-made histories whose outcomes and latencies are worked out in the comments. */
class SetFullCheckerTest {

    @Test
    void acknowledgedThenVisibleIsStableWithZeroLatency() {
        HistoryBuilder h = new HistoryBuilder()
                .broadcast(0, 1L, 0, 2 * MS)
                .read(1, 3 * MS, 4 * MS, 1L)
                .read(2, 5 * MS, 6 * MS, 1L);

        WorkloadResult r = SetFullChecker.check(h.ops());

        assertThat(r.valid()).isEqualTo(Validity.TRUE);
        assertThat(r.attemptCount()).isEqualTo(1);
        assertThat(r.stableCount()).isEqualTo(1);
        assertThat(r.lostCount()).isZero();
        assertThat(r.neverReadCount()).isZero();
        assertThat(r.stale()).isEmpty();
        assertThat(r.worstStale()).isEmpty();
        assertThat(r.stableLatencies()).containsExactly(
                entry(0.0, 0L), entry(0.5, 0L), entry(0.95, 0L), entry(0.99, 0L), entry(1.0, 0L));
        assertThat(r.lostLatencies()).isNull();
    }

    @Test
    void visibleOnlyAfterAMissingReadHasLatencyFromAckToThatReadsStart() {
        // Acked at 10 ms. A read starting at 1510.999999 ms misses it (it ends much later, at
        // 3000 ms, which must not matter); the next read shows it. Stable time is the missing read's
        // start + 1 ns = 1511 ms, so the latency is 1511 - 10 = 1501 ms (1500 if the +1 were dropped).
        HistoryBuilder h = new HistoryBuilder().broadcast(0, 7L, 9 * MS, 10 * MS);
        Op missingRead = h.invokeRead(1, 1_510_999_999L);
        h.okRead(1, 3_000 * MS);
        h.read(2, 3_100 * MS, 3_101 * MS, 7L);

        WorkloadResult r = SetFullChecker.check(h.ops());

        assertThat(r.valid()).isEqualTo(Validity.TRUE);
        assertThat(r.stableCount()).isEqualTo(1);
        assertThat(r.stale()).containsExactly(7L);
        assertThat(r.staleCount()).isEqualTo(1);
        assertThat(r.stableLatencies()).containsEntry(0.0, 1501L).containsEntry(1.0, 1501L);
        assertThat(r.worstStale())
                .extracting(StaleElement::element, StaleElement::stableLatency,
                        StaleElement::knownIndex, StaleElement::lastAbsentIndex)
                .containsExactly(tuple(7L, 1501L, 1, missingRead.index()));
    }

    @Test
    void missingFromTheFinalReadsAfterBeingSeenIsLost() {
        // 5 is acked at 20 ms, seen by a read starting at 100 ms, then missed by a final read
        // starting at 2000 ms. Lost time = 100 ms + 1 ns, lost latency = trunc(80.000001) = 80 ms.
        // 6 stays visible, so the run is not :unknown but plainly invalid.
        HistoryBuilder h = new HistoryBuilder()
                .broadcast(0, 5L, 10 * MS, 20 * MS)
                .broadcast(0, 6L, 30 * MS, 40 * MS)
                .read(1, 100 * MS, 101 * MS, 5L, 6L)
                .read(1, 2_000 * MS, 2_001 * MS, 6L);

        WorkloadResult r = SetFullChecker.check(h.ops());

        assertThat(r.valid()).isEqualTo(Validity.FALSE);
        assertThat(r.lost()).containsExactly(5L);
        assertThat(r.lostCount()).isEqualTo(1);
        assertThat(r.stableCount()).isEqualTo(1);
        assertThat(r.lostLatencies()).containsExactly(
                entry(0.0, 80L), entry(0.5, 80L), entry(0.95, 80L), entry(0.99, 80L), entry(1.0, 80L));
        assertThat(r.stableLatencies()).containsEntry(0.5, 0L);
    }

    @Test
    void knownButNeverSeenIsLostWithZeroLatency() {
        // No read ever shows 5, so there is no last-present: lost time is 0 and the latency clamps to 0.
        HistoryBuilder h = new HistoryBuilder()
                .broadcast(0, 5L, 10 * MS, 20 * MS)
                .read(1, 100 * MS, 101 * MS);

        WorkloadResult r = SetFullChecker.check(h.ops());

        assertThat(r.lost()).containsExactly(5L);
        assertThat(r.lostLatencies()).containsEntry(0.0, 0L).containsEntry(1.0, 0L);
        // Nothing is stable, but losing data outranks :unknown.
        assertThat(r.valid()).isEqualTo(Validity.FALSE);
    }

    @Test
    void indeterminateBroadcastNeverSeenIsNeverRead() {
        // 9's broadcast times out (:info): it is never known, so reads missing it prove nothing.
        HistoryBuilder h = new HistoryBuilder().broadcast(0, 1L, 0, MS);
        h.invokeBroadcast(2, 9L, 2 * MS);
        h.completeBroadcast(Op.Type.INFO, 2, 9L, 5_002 * MS);
        h.read(1, 6_000 * MS, 6_001 * MS, 1L);
        h.read(3, 7_000 * MS, 7_001 * MS, 1L);

        WorkloadResult r = SetFullChecker.check(h.ops());

        assertThat(r.neverRead()).containsExactly(9L);
        assertThat(r.neverReadCount()).isEqualTo(1);
        assertThat(r.lostCount()).isZero();
        assertThat(r.stableCount()).isEqualTo(1);
        assertThat(r.attemptCount()).isEqualTo(2);
        assertThat(r.valid()).isEqualTo(Validity.TRUE);
    }

    @Test
    void failedBroadcastDoesNotMakeTheElementKnown() {
        HistoryBuilder h = new HistoryBuilder();
        h.invokeBroadcast(0, 4L, 0);
        h.completeBroadcast(Op.Type.FAIL, 0, 4L, MS);
        h.read(1, 2 * MS, 3 * MS);

        WorkloadResult r = SetFullChecker.check(h.ops());

        assertThat(r.neverRead()).containsExactly(4L);
        assertThat(r.lost()).isEmpty();
        assertThat(r.valid()).isEqualTo(Validity.UNKNOWN);
    }

    @Test
    void readConcurrentWithTheBroadcastThatMissesItIsNotALoss() {
        // The read starts before the broadcast is acked, so it may have happened before it.
        HistoryBuilder h = new HistoryBuilder();
        h.invokeBroadcast(0, 3L, 0);
        h.invokeRead(1, MS);
        h.completeBroadcast(Op.Type.OK, 0, 3L, 2 * MS);
        h.okRead(1, 3 * MS);

        WorkloadResult r = SetFullChecker.check(h.ops());

        assertThat(r.neverRead()).containsExactly(3L);
        assertThat(r.lost()).isEmpty();
        assertThat(r.valid()).isEqualTo(Validity.UNKNOWN);
    }

    @Test
    void theSameMissingReadStartedAfterTheAckIsALoss() {
        // Contrast with the concurrent case: only the read's start moved past the ack.
        HistoryBuilder h = new HistoryBuilder();
        h.invokeBroadcast(0, 3L, 0);
        h.completeBroadcast(Op.Type.OK, 0, 3L, 2 * MS);
        h.invokeRead(1, 2 * MS + 1);
        h.okRead(1, 3 * MS);

        WorkloadResult r = SetFullChecker.check(h.ops());

        assertThat(r.lost()).containsExactly(3L);
        assertThat(r.neverRead()).isEmpty();
        assertThat(r.valid()).isEqualTo(Validity.FALSE);
    }

    @Test
    void aReadShowingTheElementBeforeItsAckMakesItKnownEarlier() {
        // Known at the first showing read's completion (2 ms), not at the ack (50 ms). A read
        // starting at 30 ms then misses it, so its stable latency is 30 ms + 1 ns - 2 ms = 28 ms;
        // had the ack been the known time, the latency would have clamped to 0.
        HistoryBuilder h = new HistoryBuilder();
        h.invokeBroadcast(0, 4L, 0);
        h.invokeRead(1, MS);
        Op showing = h.okRead(1, 2 * MS, 4L);
        h.invokeRead(2, 30 * MS);
        h.okRead(2, 31 * MS);
        h.completeBroadcast(Op.Type.OK, 0, 4L, 50 * MS);
        h.read(1, 60 * MS, 61 * MS, 4L);

        WorkloadResult r = SetFullChecker.check(h.ops());

        assertThat(r.stableCount()).isEqualTo(1);
        assertThat(r.worstStale()).singleElement().satisfies(s -> {
            assertThat(s.stableLatency()).isEqualTo(28L);
            assertThat(s.known()).isEqualTo(showing);
        });
    }

    @Test
    void duplicatesInsideOneReadAreReportedWithoutChangingValidity() {
        HistoryBuilder h = new HistoryBuilder()
                .broadcast(0, 1L, 0, MS)
                .broadcast(0, 2L, 2 * MS, 3 * MS)
                .read(1, 4 * MS, 5 * MS, 1L, 1L, 2L, 1L)
                .read(2, 6 * MS, 7 * MS, 2L, 2L, 1L)
                .read(3, 8 * MS, 9 * MS, 1L, 1L, 2L);

        WorkloadResult r = SetFullChecker.check(h.ops());

        // 1 appears 3 times in the first read (max over reads), 2 twice in the second.
        assertThat(r.duplicated()).containsExactly(entry(1L, 3), entry(2L, 2));
        assertThat(r.duplicatedCount()).isEqualTo(2);
        assertThat(r.valid()).isEqualTo(Validity.TRUE);
        assertThat(r.stableCount()).isEqualTo(2);
    }

    @Test
    void nothingStableIsUnknown() {
        HistoryBuilder h = new HistoryBuilder().broadcast(0, 1L, 0, MS).broadcast(1, 2L, 0, MS);

        WorkloadResult r = SetFullChecker.check(h.ops());

        assertThat(r.valid()).isEqualTo(Validity.UNKNOWN);
        assertThat(r.neverRead()).containsExactly(1L, 2L);
        assertThat(r.stableLatencies()).isNull();
        assertThat(r.lostLatencies()).isNull();
    }

    @Test
    void emptyHistoryIsUnknown() {
        WorkloadResult r = SetFullChecker.check(List.of());

        assertThat(r.valid()).isEqualTo(Validity.UNKNOWN);
        assertThat(r.attemptCount()).isZero();
    }

    @Test
    void singleLatencyFillsEveryQuantile() {
        // n = 1: every index min(0, floor(p)) is 0.
        HistoryBuilder h = new HistoryBuilder().broadcast(0, 1L, 0, 10 * MS);
        h.read(1, 260 * MS, 261 * MS);      // misses 1: latency 260 ms + 1 ns - 10 ms = 250 ms
        h.read(1, 300 * MS, 301 * MS, 1L);

        WorkloadResult r = SetFullChecker.check(h.ops());

        assertThat(r.stableLatencies()).containsExactly(
                entry(0.0, 250L), entry(0.5, 250L), entry(0.95, 250L), entry(0.99, 250L), entry(1.0, 250L));
    }

    @Test
    void tenLatenciesAreIndexedWithoutInterpolation() {
        // Elements 0..9 acked at (i+1) us. Read j (j = 0..9) starts at (j+1) * 100 ms and shows the
        // elements below j, so element i is last missed by read i: latency =
        // trunc(((i+1) * 100 ms + 1 ns - (i+1) us) / 1 ms) = (i+1) * 100 - 1, i.e. 99, 199, ..., 999.
        // n = 10: p 0 -> [0] = 99, 0.5 -> [5] = 599, 0.95 -> [9] = 999, 0.99 -> [9], 1 -> min(9, 10) = 999.
        HistoryBuilder h = new HistoryBuilder();
        for (int i = 9; i >= 0; i--) {       // out of order, so sorting is exercised
            h.broadcast(i % 3, i, 0, (i + 1) * 1_000L);
        }
        for (int j = 0; j <= 10; j++) {
            List<Long> shown = new ArrayList<>();
            for (long i = 0; i < j; i++) {
                shown.add(i);
            }
            h.read(3, (j + 1) * 100 * MS, (j + 1) * 100 * MS + 10, shown.toArray(Long[]::new));
        }

        WorkloadResult r = SetFullChecker.check(h.ops());

        assertThat(r.stableCount()).isEqualTo(10);
        assertThat(r.stableLatencies()).containsExactly(
                entry(0.0, 99L), entry(0.5, 599L), entry(0.95, 999L), entry(0.99, 999L), entry(1.0, 999L));
        assertThat(r.stale()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(r.worstStale()).extracting(StaleElement::element, StaleElement::stableLatency)
                .containsExactly(tuple(9L, 999L), tuple(8L, 899L), tuple(7L, 799L), tuple(6L, 699L),
                        tuple(5L, 599L), tuple(4L, 499L), tuple(3L, 399L), tuple(2L, 299L));
    }

    @Test
    void worstStaleBreaksTiesTowardsTheLargerElement() {
        // Elements 1..10 all acked at 0 and all last missed by the same read: equal 50 ms latencies.
        // Element 11 is last missed later (70 ms), so it leads. Jepsen sorts ascending elements
        // stably by latency and then reverses, so the tied ones come largest first: 10, 9, ..., 4.
        HistoryBuilder h = new HistoryBuilder();
        for (long e = 1; e <= 11; e++) {
            h.broadcast(0, e, 0, 0);
        }
        h.read(1, 50 * MS, 51 * MS);
        h.read(1, 60 * MS, 61 * MS, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        h.read(1, 70 * MS, 71 * MS, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        h.read(1, 80 * MS, 81 * MS, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);

        WorkloadResult r = SetFullChecker.check(h.ops());

        assertThat(r.worstStale()).extracting(StaleElement::element)
                .containsExactly(11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L);
        assertThat(r.worstStale().get(0).stableLatency()).isEqualTo(70L);
        assertThat(r.worstStale().get(1).stableLatency()).isEqualTo(50L);
        assertThat(r.staleCount()).isEqualTo(11);
    }

    @Test
    void failedAndIndeterminateReadsAndTheNemesisAreIgnored() {
        // Without the skips, the :fail and :info reads (whose value says nothing) would count as
        // missing 1 after it was seen, making it lost.
        HistoryBuilder h = new HistoryBuilder().broadcast(0, 1L, 0, MS);
        h.nemesis("start-partition", 2 * MS);
        h.read(1, 3 * MS, 4 * MS, 1L);
        h.invokeRead(2, 5 * MS);
        h.completeRead(Op.Type.FAIL, 2, 6 * MS);
        h.invokeRead(3, 7 * MS);
        h.completeRead(Op.Type.INFO, 3, 5_007 * MS);
        h.nemesis("stop-partition", 5_100 * MS);

        WorkloadResult r = SetFullChecker.check(h.ops());

        assertThat(r.stableCount()).isEqualTo(1);
        assertThat(r.lost()).isEmpty();
        assertThat(r.stableLatencies()).containsEntry(1.0, 0L);
    }

    @Test
    void readValuesNeverBroadcastAreNotCountedAsElements() {
        // Jepsen only tracks elements whose add was invoked; 42 is ignored, as in Maelstrom.
        HistoryBuilder h = new HistoryBuilder().broadcast(0, 1L, 0, MS).read(1, 2 * MS, 3 * MS, 1L, 42L);

        WorkloadResult r = SetFullChecker.check(h.ops());

        assertThat(r.attemptCount()).isEqualTo(1);
        assertThat(r.stableCount()).isEqualTo(1);
    }

    @Test
    void reinvokingAValueStartsItsTrackingAfresh() {
        // 1 is seen, then its broadcast is invoked again and never acked: the earlier sighting
        // is forgotten, and a later missing read cannot make it lost (it is not known any more).
        HistoryBuilder h = new HistoryBuilder().broadcast(0, 1L, 0, MS).read(1, 2 * MS, 3 * MS, 1L);
        h.invokeBroadcast(2, 1L, 4 * MS);
        h.read(1, 5 * MS, 6 * MS);

        WorkloadResult r = SetFullChecker.check(h.ops());

        assertThat(r.attemptCount()).isEqualTo(1);
        assertThat(r.neverRead()).containsExactly(1L);
    }

    @Test
    void readCompletionWithoutInvocationIsRejected() {
        HistoryBuilder h = new HistoryBuilder();
        h.okRead(1, MS, 1L);

        assertThatThrownBy(() -> SetFullChecker.check(h.ops()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without an invocation");
    }

    @Test
    void resultListsAreCountedConsistently() {
        assertThatThrownBy(() -> new WorkloadResult(Validity.TRUE, 1, 1, 1, List.of(), 0, List.of(), 0, List.of(),
                List.of(), null, null, 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lost-count");
    }
}
