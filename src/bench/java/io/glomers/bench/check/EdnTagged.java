package io.glomers.bench.check;

/**
 * A tagged value to write, such as {@code #jepsen.history.Op{...}}. The reader does not produce these:
 * it returns the inner value, which is all the checker needs.
 */
public record EdnTagged(String tag, Object value) {
}
