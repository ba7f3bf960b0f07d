package io.glomers.bench.check;

/**
 * A tagged literal such as {@code #jepsen.history.Op{...}}: the tag names the record type Jepsen
 * printed, the value holds its fields. Read and written as such, so that results.edn prints back
 * as it was; {@link EdnReader#untagged} gives the fields.
 */
public record EdnTagged(String tag, Object value) {
}
