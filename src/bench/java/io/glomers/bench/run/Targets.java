package io.glomers.bench.run;

/**
 * The efficiency targets of a challenge part: servers' msgs-per-op, median and maximum stable
 * latency must stay below these. Shown beside the figures; they do not change {@code :valid?}.
 */
public record Targets(double serverMsgsPerOp, long medianMillis, long maxMillis) {
}
