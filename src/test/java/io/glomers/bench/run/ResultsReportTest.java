package io.glomers.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.check.EdnReader;
import io.glomers.bench.check.Keyword;
import io.glomers.bench.check.NetStats;
import io.glomers.bench.options.RunArguments;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** results.edn's :net as Maelstrom writes it: msgs-per-op a Clojure float, and left out when there were no operations. */
class ResultsReportTest {

    private static final BenchOptions OPTIONS = RunArguments.parse(List.of("3b", "--store-runs", "none"), 1);

    @Test
    void msgsPerOpIsMaelstromsFloatForAllAndServersAndNeverForClients() {
        Map<Object, Object> net = net(new NetStats(new NetStats.Counts(2428, 2428, 2428), new NetStats.Counts(418, 418, 418),
                new NetStats.Counts(2010, 2010, 2010), 199));

        assertThat(counts(net, "all")).containsEntry(Keyword.of("msgs-per-op"), 12.201005);
        assertThat(counts(net, "servers")).containsEntry(Keyword.of("msgs-per-op"), 10.100503);
        assertThat(counts(net, "clients")).doesNotContainKey(Keyword.of("msgs-per-op")).containsEntry(Keyword.of("msg-count"), 418L);
    }

    @Test
    void aRunWithNoOperationsHasNoMsgsPerOpAsInMaelstrom() {
        Map<Object, Object> net = net(new NetStats(new NetStats.Counts(4, 4, 4), new NetStats.Counts(4, 4, 4),
                new NetStats.Counts(0, 0, 0), 0));

        for (String traffic : List.of("all", "clients", "servers")) {
            assertThat(counts(net, traffic)).as(traffic).doesNotContainKey(Keyword.of("msgs-per-op"))
                    .containsKey(Keyword.of("msg-count"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> net(NetStats stats) {
        BenchResult result = new BenchResult(OPTIONS, null, List.of(), stats, null, List.of(), "n0 did not answer init",
                List.of("n0 did not answer init"));
        Map<Object, Object> results = (Map<Object, Object>) EdnReader.readOne(ResultsReport.resultsEdn(result));
        return (Map<Object, Object>) results.get(Keyword.of("net"));
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> counts(Map<Object, Object> net, String traffic) {
        return (Map<Object, Object>) net.get(Keyword.of(traffic));
    }
}
