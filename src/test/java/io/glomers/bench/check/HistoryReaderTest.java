package io.glomers.bench.check;

import io.glomers.bench.history.Op;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryReaderTest {

    private static final String HISTORY = """
            {:index 0, :time 27283766, :type :invoke, :process 0, :f :broadcast, :value 0}
            {:index 1, :time 41977021, :type :info, :process :nemesis, :f :start-partition, :value :minority-third}
            {:index 2, :time 37708987, :type :ok, :process 0, :f :broadcast, :value 0}
            {:index 3, :time 161258884, :type :invoke, :process 3, :f :read, :value nil}
            {:index 4, :time 166444469, :type :ok, :process 3, :f :read, :value [0 2 1]}
            {:index 5, :time 170000000, :type :invoke, :process 4, :f :read, :value nil, :final? true}
            {:index 6, :time 171000000, :type :ok, :process 4, :f :read, :value #{5}, :final? true}
            {:index 7, :time 172000000, :type :info, :process 1, :f :add, :value 9, :error :net-timeout}
            """;

    @Test
    void translatesEveryField() {
        List<Op> ops = HistoryReader.parse(HISTORY);

        assertThat(ops).hasSize(8);
        assertThat(ops.get(0)).isEqualTo(new Op(0, 27283766L, Op.Type.INVOKE, 0, "broadcast", 0L, false));
        assertThat(ops.get(4)).isEqualTo(new Op(4, 166444469L, Op.Type.OK, 3, "read", List.of(0L, 2L, 1L), false));
        assertThat(ops.get(4).readValues()).containsExactly(0L, 2L, 1L);
        assertThat(ops.get(3).value()).isNull();
        assertThat(ops.get(5).finalRead()).isTrue();
        assertThat(ops.get(6).readValues()).containsExactly(5L);
        assertThat(ops.get(7).type()).isEqualTo(Op.Type.INFO);
        assertThat(ops.get(7).f()).isEqualTo("add");
        assertThat(ops.get(7).value()).isEqualTo(9L);
    }

    @Test
    void nemesisOpsAreMarkedAndKeepTheirDescription() {
        Op nemesis = HistoryReader.parse(HISTORY).get(1);

        assertThat(nemesis.process()).isEqualTo(Op.NEMESIS);
        assertThat(nemesis.isClient()).isFalse();
        assertThat(nemesis.f()).isEqualTo("start-partition");
        assertThat(nemesis.value()).isEqualTo(Keyword.of("minority-third"));
    }

    @Test
    void readsGzippedFileWhenOnlyThatExists(@TempDir Path dir) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("history.edn.gz")))) {
            out.write(HISTORY.getBytes(StandardCharsets.UTF_8));
        }

        assertThat(HistoryReader.read(dir.resolve("history.edn"))).hasSize(8);
        assertThat(HistoryReader.read(dir.resolve("history.edn.gz"))).hasSize(8);
    }

    @Test
    void missingFileNamesBothCandidates(@TempDir Path dir) {
        assertThatThrownBy(() -> HistoryReader.read(dir.resolve("history.edn")))
                .hasMessageContaining("history.edn.gz");
    }

    @Test
    void badEntryIsReportedWithItsText() {
        assertThatThrownBy(() -> HistoryReader.parse("{:index 0, :time 1, :type :ok, :process 0, :f :read, :value 3}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":value 3");
    }

    @Test
    void readsEveryRealRun() {
        // Sizes from the files themselves (wc -l): a whole history must parse, one op per line.
        assertThat(HistoryReader.read(MaelstromRuns.dir("b5").resolve("history.edn"))).hasSize(398);
        assertThat(HistoryReader.read(MaelstromRuns.dir("b25").resolve("history.edn"))).hasSize(3974)
                .allSatisfy(op -> assertThat(op.isClient()).isTrue());
        assertThat(HistoryReader.read(MaelstromRuns.dir("b5part").resolve("history.edn")))
                .filteredOn(op -> !op.isClient()).hasSize(8);
    }
}
