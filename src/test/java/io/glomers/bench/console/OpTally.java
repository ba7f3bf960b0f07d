package io.glomers.bench.console;

import io.glomers.bench.history.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client operations counted as they enter the history: invocations, outcomes, and each operation's
 * latency by name, for the progress line while the run goes on and the summary after it. Recorded on
 * the scheduler's thread; the counts may be read from any thread, the latencies once the run is over.
 */
public final class OpTally {

    private final AtomicLong invoked = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong fail = new AtomicLong();
    private final AtomicLong info = new AtomicLong();
    private final Map<Integer, Op> open = new HashMap<>();
    private final Map<String, Map<Op.Type, Long>> outcomes = new TreeMap<>();
    private final Map<String, List<Long>> latencies = new TreeMap<>();
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
            open.put(op.process(), op);
            return;
        }
        (op.type() == Op.Type.OK ? ok : op.type() == Op.Type.FAIL ? fail : info).incrementAndGet();
        outcomes.computeIfAbsent(op.f(), f -> new TreeMap<>()).merge(op.type(), 1L, Long::sum);
        finalReads += op.finalRead() ? 1 : 0;
        Op invocation = open.remove(op.process());
        if (invocation != null && op.type() == Op.Type.OK) {
            latencies.computeIfAbsent(op.f(), f -> new ArrayList<>()).add(op.time() - invocation.time());
        }
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

    /** Latencies (ns) of the operations of this name that completed ok, in completion order. */
    public List<Long> latencies(String f) {
        return latencies.getOrDefault(f, List.of());
    }
}
