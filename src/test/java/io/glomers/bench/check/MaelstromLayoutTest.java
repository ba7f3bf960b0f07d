package io.glomers.bench.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * results.edn is laid out as Maelstrom lays it out (Jepsen's store prints with fipp at its default
 * width): every real run kept, read and printed again, is the same text byte for byte.
 */
class MaelstromLayoutTest {

    @ParameterizedTest
    @ValueSource(strings = {"b5", "b5part", "b25", "neg", "node-3c", "node-3d-balanced", "node-3d-fast", "node-3d-lean",
            "node-3d-balanced-jvm-per-node", "node-3d-fast-jvm-per-node", "node-3d-lean-jvm-per-node"})
    void aRealResultsEdnPrintsBackAsItWasWritten(String run) throws IOException {
        String written = Files.readString(MaelstromRuns.dir(run).resolve("results.edn"));
        Object results = EdnReader.readOne(written);

        String printed = ResultsEdn.layout(results);

        assertThat(List.of(printed.split("\n", -1))).containsExactlyElementsOf(List.of(written.split("\n", -1)));
    }
}
