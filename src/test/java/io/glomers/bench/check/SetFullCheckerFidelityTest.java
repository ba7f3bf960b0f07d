package io.glomers.bench.check;

import io.glomers.bench.history.Op;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Our checker against real Maelstrom v0.2.4 verdicts: same history in, same {@code :workload} out.
 */
class SetFullCheckerFidelityTest {

    @ParameterizedTest
    @ValueSource(strings = {"b5", "b5part", "b25", "neg"})
    void workloadMatchesMaelstrom(String run) {
        Path dir = MaelstromRuns.dir(run);
        List<Op> history = HistoryReader.read(dir.resolve("history.edn"));
        WorkloadResult expected = MaelstromResults.workload(MaelstromResults.read(dir.resolve("results.edn")));

        WorkloadResult actual = SetFullChecker.check(history);

        assertThat(actual.valid()).as("valid?").isEqualTo(expected.valid());
        assertThat(actual.attemptCount()).as("attempt-count").isEqualTo(expected.attemptCount());
        assertThat(actual.stableCount()).as("stable-count").isEqualTo(expected.stableCount());
        assertThat(actual.lostCount()).as("lost-count").isEqualTo(expected.lostCount());
        assertThat(actual.lost()).as("lost").isEqualTo(expected.lost());
        assertThat(actual.neverReadCount()).as("never-read-count").isEqualTo(expected.neverReadCount());
        assertThat(actual.neverRead()).as("never-read").isEqualTo(expected.neverRead());
        assertThat(actual.staleCount()).as("stale-count").isEqualTo(expected.staleCount());
        assertThat(actual.stale()).as("stale").isEqualTo(expected.stale());
        assertThat(actual.stableLatencies()).as("stable-latencies").isEqualTo(expected.stableLatencies());
        assertThat(actual.lostLatencies()).as("lost-latencies").isEqualTo(expected.lostLatencies());
        assertThat(actual.worstStale())
                .as("worst-stale: element, stable-latency, known index, last-absent index, in order")
                .extracting(WorkloadResult.StaleElement::element, WorkloadResult.StaleElement::stableLatency,
                        WorkloadResult.StaleElement::knownIndex, WorkloadResult.StaleElement::lastAbsentIndex)
                .containsExactlyElementsOf(expected.worstStale().stream()
                        .map(s -> tuple(s.element(), s.stableLatency(), s.knownIndex(), s.lastAbsentIndex()))
                        .toList());
        // Maelstrom's Jepsen never reports duplicates; the demo node never returns any, so we agree.
        assertThat(actual.duplicated()).as("duplicated").isEqualTo(expected.duplicated());
    }

    @ParameterizedTest
    @ValueSource(strings = {"b5", "b5part", "b25", "neg"})
    void worstStaleCarriesTheSameOps(String run) {
        Path dir = MaelstromRuns.dir(run);
        WorkloadResult expected = MaelstromResults.workload(MaelstromResults.read(dir.resolve("results.edn")));
        WorkloadResult actual = SetFullChecker.check(HistoryReader.read(dir.resolve("history.edn")));

        // Times and processes too, not only indices: the ops are the same history entries.
        assertThat(actual.worstStale())
                .extracting(s -> s.known().time(), s -> s.known().process(), s -> s.lastAbsent().time(),
                        s -> s.lastAbsent().finalRead())
                .containsExactlyElementsOf(expected.worstStale().stream()
                        .map(s -> tuple(s.known().time(), s.known().process(), s.lastAbsent().time(),
                                s.lastAbsent().finalRead()))
                        .toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"b5", "b5part", "b25", "neg"})
    void msgsPerOpPrintsAsMaelstromDoes(String run) {
        Path dir = MaelstromRuns.dir(run);
        List<Op> history = HistoryReader.read(dir.resolve("history.edn"));
        Map<?, ?> results = MaelstromResults.read(dir.resolve("results.edn"));
        Map<?, ?> net = (Map<?, ?>) results.get(Keyword.of("net"));

        NetStats stats = MaelstromResults.net(results, NetStats.clientOps(history));

        // The file's floats were read as doubles; Maelstrom printed them from Clojure floats.
        Object allPerOp = ((Map<?, ?>) net.get(Keyword.of("all"))).get(Keyword.of("msgs-per-op"));
        Object serversPerOp = ((Map<?, ?>) net.get(Keyword.of("servers"))).get(Keyword.of("msgs-per-op"));
        assertThat(stats.allMsgsPerOp().toString()).isEqualTo(allPerOp.toString());
        assertThat(stats.serversMsgsPerOp().toString()).isEqualTo(serversPerOp.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"b5", "b5part", "b25", "neg"})
    void checksEachRunWellUnderASecond(String run) {
        List<Op> history = HistoryReader.read(MaelstromRuns.dir(run).resolve("history.edn"));
        SetFullChecker.check(history); // warm-up
        long start = System.nanoTime();
        SetFullChecker.check(history);
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to check " + run).isLessThan(500);
    }
}
