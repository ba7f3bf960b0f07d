package io.glomers.bench.check;

import io.glomers.bench.history.Op;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.glomers.bench.check.HistoryBuilder.MS;
import static org.assertj.core.api.Assertions.assertThat;

class ResultsEdnTest {

    @Test
    void renderedResultsReadBackAsTheSameVerdict() {
        // Round trip through text on a real run with stale elements and a partition.
        Path dir = MaelstromRuns.dir("b5part");
        List<Op> history = HistoryReader.read(dir.resolve("history.edn"));
        WorkloadResult result = SetFullChecker.check(history);
        NetStats net = new NetStats(new NetStats.Counts(1888, 1850, 1888), new NetStats.Counts(458, 458, 458),
                new NetStats.Counts(1430, 1392, 1430), NetStats.clientOps(history));

        Map<?, ?> reread = (Map<?, ?>) EdnReader.readOne(checkerResults(result, net));
        WorkloadResult back = MaelstromResults.workload(reread);

        assertThat(back).usingRecursiveComparison().ignoringFields("worstStale").isEqualTo(result);
        assertThat(back.worstStale()).hasSize(8);
        for (int i = 0; i < 8; i++) {
            WorkloadResult.StaleElement ours = result.worstStale().get(i);
            WorkloadResult.StaleElement theirs = back.worstStale().get(i);
            assertThat(theirs.element()).isEqualTo(ours.element());
            assertThat(theirs.stableLatency()).isEqualTo(ours.stableLatency());
            assertThat(theirs.known()).isEqualTo(withF(ours.known(), "add"));
            assertThat(theirs.lastAbsent()).isEqualTo(ours.lastAbsent());
        }
        assertThat(MaelstromResults.net(reread, net.clientOps())).isEqualTo(net);
        assertThat(reread.get(Keyword.of("valid?"))).isEqualTo(true);
    }

    @Test
    void usesMaelstromsKeyNames() {
        // Every key the real b5 results use under :net and :workload appears in ours, and no other.
        Path dir = MaelstromRuns.dir("b5");
        Map<?, ?> real = MaelstromResults.read(dir.resolve("results.edn"));
        List<Op> history = HistoryReader.read(dir.resolve("history.edn"));
        Map<?, ?> ours = (Map<?, ?>) EdnReader.readOne(checkerResults(SetFullChecker.check(history),
                MaelstromResults.net(real, NetStats.clientOps(history))));

        for (String section : List.of("net", "workload")) {
            Set<Object> ourKeys = new HashSet<>(((Map<?, ?>) ours.get(Keyword.of(section))).keySet());
            Set<Object> realKeys = new HashSet<>(((Map<?, ?>) real.get(Keyword.of(section))).keySet());
            assertThat(ourKeys).as(section).isEqualTo(realKeys);
        }
        for (String sub : List.of("all", "clients", "servers")) {
            assertThat(((Map<?, ?>) ((Map<?, ?>) ours.get(Keyword.of("net"))).get(Keyword.of(sub))))
                    .as(sub).isEqualTo(((Map<?, ?>) real.get(Keyword.of("net"))).get(Keyword.of(sub)));
        }
    }

    @Test
    void printsLostLatenciesUnknownValidityAndOpShape() {
        HistoryBuilder h = new HistoryBuilder().broadcast(0, 5L, 10 * MS, 20 * MS).read(1, 100 * MS, 101 * MS);
        WorkloadResult lost = SetFullChecker.check(h.ops());
        WorkloadResult unknown = SetFullChecker.check(new HistoryBuilder().broadcast(0, 1L, 0, 1).ops());

        String lostText = checkerResults(lost, null);

        assertThat(lostText).contains(":lost (5)", ":lost-latencies {0 0, 0.5 0, 0.95 0, 0.99 0, 1 0}", ":valid? false")
                .doesNotContain(":net", ":stable-latencies");
        assertThat(checkerResults(unknown, null)).contains(":valid? :unknown");
        assertThat(EdnWriter.compact(ResultsEdn.op(new Op(213, 20018507004L, Op.Type.INVOKE, 3, "read", null, true))))
                .isEqualTo("#jepsen.history.Op{:index 213, :time 20018507004, :type :invoke, :process 3, "
                        + ":f :read, :value nil, :final? true}");
    }

    /** What Maelstrom's checker writes: the net checker is always valid, so the run is as valid as the workload. */
    private static String checkerResults(WorkloadResult workload, NetStats net) {
        return ResultsEdn.render(net, ResultsEdn.workload(workload), null, ResultsEdn.validity(workload.valid()));
    }

    private static Op withF(Op op, String f) {
        return new Op(op.index(), op.time(), op.type(), op.process(), f, op.value(), op.finalRead());
    }
}
