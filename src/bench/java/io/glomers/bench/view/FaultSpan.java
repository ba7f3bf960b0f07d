package io.glomers.bench.view;

/**
 * A stretch of time a nemesis was active, from its start step to its stop step (or to the end of
 * the history when it never stopped), in seconds of history time.
 *
 * @param kind partition, kill or pause
 */
public record FaultSpan(String kind, double fromSeconds, double toSeconds) {
}
