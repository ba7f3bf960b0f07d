package io.glomers.bench.console;

import io.glomers.bench.history.Op;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client operations counted as they enter the history: invocations and outcomes, by name, for the
 * progress line while the run goes on and the summary after it. Recorded on the scheduler's thread;
 * the totals may be read from any thread, the counts by name once the run is over.
 */
public final class OpTally {

    private final AtomicLong invoked = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong fail = new AtomicLong();
    private final AtomicLong info = new AtomicLong();
    private final Map<String, Map<Op.Type, Long>> outcomes = new TreeMap<>();
    private long finalReads;

    public static OpTally of(List<Op> history) {
        OpTally tally = new OpTally();
        history.forEach(tally::record);
        return tally;
    }

    public void record(Op op) {
        if (!op.isClient()) {
            return;
        }
        if (op.type() == Op.Type.INVOKE) {
            invoked.incrementAndGet();
            return;
        }
        (op.type() == Op.Type.OK ? ok : op.type() == Op.Type.FAIL ? fail : info).incrementAndGet();
        outcomes.computeIfAbsent(op.f(), f -> new TreeMap<>()).merge(op.type(), 1L, Long::sum);
        finalReads += op.finalRead() ? 1 : 0;
    }

    public long invoked() {
        return invoked.get();
    }

    public long ok() {
        return ok.get();
    }

    public long fail() {
        return fail.get();
    }

    public long info() {
        return info.get();
    }

    public long finalReads() {
        return finalReads;
    }

    /** Operation name -> outcome -> count, names sorted. */
    public Map<String, Map<Op.Type, Long>> outcomes() {
        return outcomes;
    }
}
