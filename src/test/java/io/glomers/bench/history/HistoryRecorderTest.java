package io.glomers.bench.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.sched.VirtualTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryRecorderTest {

    @Test
    void streamsEveryOperationToTheFileAndReadsBackTheSameOps(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("history.edn");
        List<Op> recorded = new ArrayList<>();
        try (HistoryRecorder history = new HistoryRecorder(new VirtualTime(), file)) {
            recorded.add(history.record(Op.Type.INVOKE, 0, "broadcast", Long.MIN_VALUE, false));
            recorded.add(history.record(Op.Type.OK, 0, "broadcast", Long.MIN_VALUE, false));
            recorded.add(history.record(Op.Type.INVOKE, 1, "read", null, false));
            recorded.add(history.record(Op.Type.OK, 1, "read", List.of(-3L, 0L, Long.MAX_VALUE), false));
            recorded.add(history.record(Op.Type.OK, 6, "read", List.of(), true));
            recorded.add(history.record(Op.Type.INFO, Op.NEMESIS, "start-partition", "[:isolated {\"n1\" #{\"n2\"}}]", false));
            recorded.add(history.record(Op.Type.INFO, Op.NEMESIS, "stop-partition", null, false));
            recorded.add(history.record(Op.Type.FAIL, 2, "read", null, true));

            assertThat(history.ops()).as("readable while recording").containsExactlyElementsOf(recorded);
            List<Op> streamed = new ArrayList<>();
            history.ops().forEach(streamed::add);
            assertThat(streamed).containsExactlyElementsOf(recorded);
        }
        assertThat(Files.readAllLines(file)).hasSize(recorded.size())
                .element(3).isEqualTo("{:index 3, :time 0, :type :ok, :process 1, :f :read, :value [-3 0 9223372036854775807]}");
    }
}
