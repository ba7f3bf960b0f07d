package io.glomers.bench.history;

import io.glomers.bench.sched.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Appends operations to the run's history with Jepsen's times: nanoseconds since the test started
 * (the moment the workload begins, after init and topology). Owned by the scheduler thread.
 */
public final class HistoryRecorder {

    private final Scheduler scheduler;
    private final List<Op> ops = new ArrayList<>();
    private final Consumer<Op> listener;
    private long origin;

    public HistoryRecorder(Scheduler scheduler) {
        this(scheduler, op -> { });
    }

    /** {@code listener} sees each operation as it is recorded (the terminal's progress line counts them). */
    public HistoryRecorder(Scheduler scheduler, Consumer<Op> listener) {
        this.scheduler = scheduler;
        this.listener = listener;
        this.origin = scheduler.nanoTime();
    }

    /** Marks the start of the test: times count from here. */
    public void startClock() {
        origin = scheduler.nanoTime();
    }

    public long origin() {
        return origin;
    }

    public Op record(Op.Type type, int process, String f, Object value, boolean finalRead) {
        Op op = new Op(ops.size(), scheduler.nanoTime() - origin, type, process, f, value, finalRead);
        ops.add(op);
        listener.accept(op);
        return op;
    }

    public List<Op> ops() {
        return List.copyOf(ops);
    }
}
