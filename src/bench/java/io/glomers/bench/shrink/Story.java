package io.glomers.bench.shrink;

import io.glomers.bench.run.BenchResult;
import io.glomers.bench.history.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few lines of a failed run that show its anomaly: for a lost value, its broadcast and
 * acknowledgement and the reads after it that lack it; for a protocol violation or a setup failure,
 * what the bench saw.
 */
final class Story {

    private static final int READS_SHOWN = 3;

    private Story() {
    }

    static List<String> of(BenchResult result) {
        List<String> lines = new ArrayList<>();
        if (result.outcome() != null && !result.outcome().lost().isEmpty()) {
            List<Long> lost = result.outcome().lost();
            lines.add("lost " + lost.size() + " value(s): " + lost.subList(0, Math.min(10, lost.size()))
                    + (lost.size() > 10 ? "..." : ""));
            lines.addAll(lostValue(result.history(), lost.get(0), result.options().nodeCount()));
        }
        result.violations().stream().limit(3).forEach(violation -> lines.add("protocol violation: " + violation));
        if (result.setupFailure() != null) {
            lines.add("setup failure: " + result.setupFailure());
        }
        return lines;
    }

    private static List<String> lostValue(List<Op> history, long value, int nodes) {
        List<String> lines = new ArrayList<>();
        Op invoke = null;
        Op acknowledged = null;
        for (Op op : history) {
            if (op.isClient() && op.f().equals("broadcast") && Long.valueOf(value).equals(op.value())) {
                if (op.type() == Op.Type.INVOKE && invoke == null) {
                    invoke = op;
                } else if (op.type() == Op.Type.OK && invoke != null && op.process() == invoke.process()) {
                    acknowledged = op;
                    break;
                }
            }
        }
        if (invoke == null) {
            return lines;
        }
        lines.add("value " + value + ": broadcast to " + node(invoke, nodes) + " by process " + invoke.process()
                + " at " + seconds(invoke.time()) + (acknowledged == null ? ", never acknowledged"
                : ", acknowledged at " + seconds(acknowledged.time())));
        long after = acknowledged == null ? invoke.time() : acknowledged.time();
        List<Op> without = history.stream()
                .filter(op -> op.isClient() && op.type() == Op.Type.OK && op.f().equals("read") && op.time() > after)
                .filter(op -> !op.readValues().contains(value))
                .sorted((a, b) -> Boolean.compare(b.finalRead(), a.finalRead()))
                .limit(READS_SHOWN).sorted((a, b) -> Long.compare(a.time(), b.time())).toList();
        for (Op read : without) {
            lines.add("  read without it: " + node(read, nodes) + " at " + seconds(read.time())
                    + (read.finalRead() ? " (final read, after the heal and the recovery wait)" : ""));
        }
        return lines;
    }

    private static String node(Op op, int nodes) {
        return "n" + (op.process() % nodes);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }
}
