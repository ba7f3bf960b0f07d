package io.glomers.bench.check;

import io.glomers.bench.history.Op;

import java.util.ArrayList;
import java.util.List;

/** Writes small histories by hand for checker tests: indices are assigned in call order. */
final class HistoryBuilder {

    static final long MS = 1_000_000L;

    private final List<Op> ops = new ArrayList<>();

    Op invokeBroadcast(int process, long value, long timeNanos) {
        return add(Op.Type.INVOKE, process, "broadcast", value, timeNanos, false);
    }

    Op completeBroadcast(Op.Type type, int process, long value, long timeNanos) {
        return add(type, process, "broadcast", value, timeNanos, false);
    }

    Op invokeRead(int process, long timeNanos) {
        return add(Op.Type.INVOKE, process, "read", null, timeNanos, false);
    }

    Op okRead(int process, long timeNanos, Long... values) {
        return add(Op.Type.OK, process, "read", List.of(values), timeNanos, false);
    }

    Op completeRead(Op.Type type, int process, long timeNanos) {
        return add(type, process, "read", null, timeNanos, false);
    }

    /** Broadcast invoked at {@code invokeNanos} and acknowledged at {@code okNanos}, back to back. */
    HistoryBuilder broadcast(int process, long value, long invokeNanos, long okNanos) {
        invokeBroadcast(process, value, invokeNanos);
        completeBroadcast(Op.Type.OK, process, value, okNanos);
        return this;
    }

    /** A read invoked at {@code invokeNanos}, answered at {@code okNanos} with {@code values}. */
    HistoryBuilder read(int process, long invokeNanos, long okNanos, Long... values) {
        invokeRead(process, invokeNanos);
        okRead(process, okNanos, values);
        return this;
    }

    Op nemesis(String f, long timeNanos) {
        return add(Op.Type.INFO, Op.NEMESIS, f, null, timeNanos, false);
    }

    List<Op> ops() {
        return List.copyOf(ops);
    }

    private Op add(Op.Type type, int process, String f, Object value, long time, boolean finalRead) {
        Op op = new Op(ops.size(), time, type, process, f, value, finalRead);
        ops.add(op);
        return op;
    }
}
