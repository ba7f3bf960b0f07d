package io.glomers.bench.view;

import io.glomers.bench.check.EdnFiles;
import io.glomers.bench.check.HistoryReader;
import io.glomers.bench.history.Op;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pictures need of a history: each client operation as one span, the nemesis's steps and
 * the stretches each fault was active. Read from {@code history.edn} one line at a time, keeping
 * only shortened values, so a long run's reads (thousands of values each) are never all in memory.
 *
 * @param spans    client operations in invocation order
 * @param nemesis  the nemesis's history entries (values as the history prints them)
 * @param faults   when each fault was active
 * @param entries  history entries in all (the timeline's rows)
 * @param endNanos time of the last entry
 */
public record HistorySpans(List<OpSpan> spans, List<Op> nemesis, List<FaultSpan> faults, int entries, long endNanos) {

    /** Nemesis steps that begin a fault, and the steps that end it (Jepsen's db and partition nemeses). */
    private static final Map<String, String> STARTS = Map.of("start-partition", "partition", "kill", "kill", "pause", "pause");
    private static final Map<String, String> STOPS = Map.of("stop-partition", "partition", "start", "kill", "resume", "pause");

    public static HistorySpans read(Path historyFile) throws IOException {
        Builder builder = new Builder();
        try (BufferedReader in = EdnFiles.newReader(historyFile)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    HistoryReader.parse(line).forEach(builder::add);
                }
            }
        }
        return builder.build();
    }

    public static HistorySpans of(List<Op> ops) {
        Builder builder = new Builder();
        ops.forEach(builder::add);
        return builder.build();
    }

    /** The fault a nemesis step starts or stops ("partition" for stop-partition), or null for another step. */
    static String faultKind(String f) {
        String started = STARTS.get(f);
        return started != null ? started : STOPS.get(f);
    }

    /** Distinct operation names of the client operations, sorted (Jepsen's order of series). */
    public List<String> functions() {
        return spans.stream().map(OpSpan::f).distinct().sorted().toList();
    }

    public double endSeconds() {
        return endNanos / 1e9;
    }

    private static final class Builder {
        private final List<OpSpan> spans = new ArrayList<>();
        private final Map<Integer, Integer> open = new HashMap<>();
        private final List<Op> nemesis = new ArrayList<>();
        private final Map<String, Double> activeSince = new LinkedHashMap<>();
        private final List<FaultSpan> faults = new ArrayList<>();
        private int entries;
        private long end;

        void add(Op op) {
            entries++;
            end = Math.max(end, op.time());
            if (!op.isClient()) {
                nemesis(op);
            } else if (op.type() == Op.Type.INVOKE) {
                open.put(op.process(), spans.size());
                spans.add(new OpSpan(op.process(), op.f(), null, op.time(), op.time(), op.index(), op.index(),
                        ValueText.of(op.value()), null, op.finalRead()));
            } else {
                Integer at = open.remove(op.process());
                if (at != null) {
                    OpSpan invoked = spans.get(at);
                    spans.set(at, new OpSpan(invoked.process(), invoked.f(), op.type(), invoked.invokeNanos(), op.time(),
                            invoked.invokeIndex(), op.index(), invoked.invokeValue(), ValueText.of(op.value()),
                            invoked.finalRead() || op.finalRead()));
                }
            }
        }

        private void nemesis(Op op) {
            nemesis.add(op);
            double at = op.time() / 1e9;
            String started = STARTS.get(op.f());
            String stopped = STOPS.get(op.f());
            // Each step is recorded twice (what it will do, then what it did): the first opens or closes.
            if (started != null) {
                activeSince.putIfAbsent(started, at);
            } else if (stopped != null && activeSince.containsKey(stopped)) {
                faults.add(new FaultSpan(stopped, activeSince.remove(stopped), at));
            }
        }

        HistorySpans build() {
            activeSince.forEach((kind, from) -> faults.add(new FaultSpan(kind, from, end / 1e9)));
            return new HistorySpans(List.copyOf(spans), List.copyOf(nemesis), List.copyOf(faults), entries, end);
        }
    }
}
