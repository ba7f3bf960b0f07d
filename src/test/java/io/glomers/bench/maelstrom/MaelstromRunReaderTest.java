package io.glomers.bench.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.run.BenchResult;
import io.glomers.bench.check.Keyword;
import io.glomers.bench.check.MaelstromResults;
import io.glomers.bench.check.MaelstromRuns;
import io.glomers.bench.options.RunArguments;
import io.glomers.bench.run.ResultsReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** A real Maelstrom run read into the bench's result: Maelstrom's own verdict and figures, not ours. */
class MaelstromRunReaderTest {

    private static Map<?, ?> section(Map<?, ?> map, String... keys) {
        Map<?, ?> at = map;
        for (String key : keys) {
            at = (Map<?, ?>) at.get(Keyword.of(key));
        }
        return at;
    }

    @Test
    void aValidRunKeepsMaelstromsFigures() {
        Path dir = MaelstromRuns.dir("node-3d-balanced-jvm-per-node");
        Map<?, ?> results = MaelstromResults.read(dir.resolve("results.edn"));

        BenchResult run = MaelstromRunReader.read(dir, RunArguments.parse(List.of("3d"), 0));

        assertThat(run.valid()).isTrue();
        double maelstromsPerOp = ((Number) section(results, "net", "servers").get(Keyword.of("msgs-per-op"))).doubleValue();
        assertThat(run.net().serversPerOp()).isCloseTo(maelstromsPerOp, Offset.offset(1e-5));
        Map<?, ?> stable = (Map<?, ?>) section(results, "workload").get(Keyword.of("stable-latencies"));
        assertThat(run.outcome().stableLatencies().get(0.5)).isEqualTo(((Number) stable.get(0.5)).longValue());
        assertThat(ResultsReport.targets(run)).startsWith("targets 3d: servers msgs-per-op 3.54 (< 30.00 met)")
                .contains("median " + stable.get(0.5) + " ms (< 400 met)");
    }

    @Test
    void anInvalidRunSaysWhichOfMaelstromsSectionsFailed() {
        Path dir = MaelstromRuns.dir("neg");

        BenchResult run = MaelstromRunReader.read(dir, RunArguments.parse(List.of("3b", "--time-limit", "10"), 0));

        assertThat(run.valid()).isFalse();
        assertThat(run.outcome().lost()).hasSize(33);
        assertThat(run.reasons()).contains("Maelstrom's :workload is :valid? false (33 lost)");
    }
}
