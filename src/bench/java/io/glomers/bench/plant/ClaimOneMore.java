package io.glomers.bench.plant;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link Plant#SUMMARY_PLUS_ONE}: every summary ({@code have}, inclusive ranges) also claims the
 * lowest value the node lacks. Its peers take the claim as confirmation and never send that value;
 * it stays the lowest one lacking, so every later summary claims it again.
 */
final class ClaimOneMore implements LineFilter {

    @Override
    public String out(String line) {
        ObjectNode gossip = Lines.ofType(line, "gossip");
        if (gossip == null) {
            return line;
        }
        List<long[]> ranges = new ArrayList<>();
        for (JsonNode range : Lines.body(gossip).path("have")) {
            ranges.add(new long[] {range.path(0).asLong(), range.path(1).asLong()});
        }
        ArrayNode have = Lines.body(gossip).putArray("have");
        for (long[] range : withLowestMissing(ranges)) {
            have.addArray().add(range[0]).add(range[1]);
        }
        return Lines.write(gossip);
    }

    /** Sorted, disjoint inclusive ranges from 0 up, with the lowest value outside them added. */
    static List<long[]> withLowestMissing(List<long[]> ranges) {
        List<long[]> sorted = new ArrayList<>(ranges);
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        long missing = 0;
        for (long[] range : sorted) {
            if (range[0] > missing) {
                break;
            }
            missing = Math.max(missing, range[1] + 1);
        }
        sorted.add(new long[] {missing, missing});
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] range : sorted) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && range[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], range[1]);
            } else {
                merged.add(new long[] {range[0], range[1]});
            }
        }
        return merged;
    }
}
