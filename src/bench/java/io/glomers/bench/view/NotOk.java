package io.glomers.bench.view;

import io.glomers.bench.history.Op;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Client operations that completed without {@code :ok}: a client timeout (5 s, as Maelstrom's) or an
 * error reply. A broadcast then ends {@code :info} (it may have happened), a read {@code :fail}
 * (Maelstrom fails an idempotent read) as does a definite error. Latency quantiles, in the plots
 * and in the terminal's summary alike, are of {@code :ok} operations only: a timeout is the
 * client's patience, not the node's speed. This is how each of them says what it left out.
 */
public record NotOk(long info, long fail) {

    /** The run's client operations, final reads included: the plots draw every operation. */
    public static NotOk of(HistorySpans history) {
        return of(history.spans().stream().map(OpSpan::outcome));
    }

    /** Counts the info and fail among {@code outcomes}; ok and null (never completed) are not counted. */
    public static NotOk of(Stream<Op.Type> outcomes) {
        Map<Op.Type, Long> counts = outcomes.filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return new NotOk(counts.getOrDefault(Op.Type.INFO, 0L), counts.getOrDefault(Op.Type.FAIL, 0L));
    }

    public long count() {
        return info + fail;
    }

    /** "5 timed out or failed (3 info, 2 fail)", "none timed out or failed": the words every picture and the summary use. */
    @Override
    public String toString() {
        return count() == 0 ? "none timed out or failed" : count() + " timed out or failed (" + info + " info, " + fail + " fail)";
    }
}
