package io.glomers.bench.view;

import io.glomers.bench.history.Op;

/**
 * One client operation from its invocation to its completion, as the pictures draw it.
 *
 * @param outcome       ok, fail or info; null when the history ends before the operation completes
 * @param invokeValue   the invocation's value, shortened for display (see {@link ValueText})
 * @param completeValue the completion's value, shortened; null when not completed
 */
public record OpSpan(int process, String f, Op.Type outcome, long invokeNanos, long completeNanos,
                     int invokeIndex, int completeIndex, String invokeValue, String completeValue, boolean finalRead) {

    public boolean completed() {
        return outcome != null;
    }

    public double invokeSeconds() {
        return invokeNanos / 1e9;
    }

    public double completeSeconds() {
        return completeNanos / 1e9;
    }

    public double latencyMillis() {
        return (completeNanos - invokeNanos) / 1e6;
    }
}
