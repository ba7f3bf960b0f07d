package io.glomers.bench.sim;

import io.glomers.bench.run.RunObserver;
import io.glomers.bench.history.Op;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * Convergence after the final heal: the virtual time from the heal until every node holds every
 * value acknowledged so far. From the heal it looks at the nodes' stores every {@link #STEP} of
 * virtual time, for at most {@code limit}. It reads memory only (no messages, no random draws), so
 * the run it watches is the run it would have been.
 */
final class ConvergenceProbe implements RunObserver {

    static final Duration STEP = Duration.ofMillis(10);

    private final VirtualScheduler scheduler;
    private final List<SimBenchNode> nodes;
    private final Duration limit;
    private long healedAt;
    // Every broadcast acknowledged by the heal; the workload is over then, so the list is complete.
    private long[] acknowledged = new long[0];
    private Duration convergence;
    private boolean healed;
    private SimBenchNode blockedNode;
    private long blockedValue;

    ConvergenceProbe(VirtualScheduler scheduler, List<SimBenchNode> nodes, Duration limit) {
        this.scheduler = scheduler;
        this.nodes = nodes;
        this.limit = limit;
    }

    @Override
    public void healed(long nanoTime, Supplier<List<Op>> history) {
        this.healedAt = nanoTime;
        LongStream.Builder values = LongStream.builder();
        history.get().forEach(op -> {
            if (op.type() == Op.Type.OK && "broadcast".equals(op.f())) {
                values.add((Long) op.value());
            }
        });
        this.acknowledged = values.build().toArray();
        this.healed = true;
        probe();
    }

    /** Time from the heal to convergence; null if the run never healed or did not converge within the limit. */
    Duration convergence() {
        return convergence;
    }

    boolean healed() {
        return healed;
    }

    private void probe() {
        long since = scheduler.nanoTime() - healedAt;
        if (converged()) {
            convergence = Duration.ofNanos(since);
        } else if (since + STEP.toNanos() <= limit.toNanos()) {
            scheduler.schedule(STEP, this::probe);
        }
    }

    /**
     * Whether every node holds every acknowledged value. While converging, the same (node, value)
     * pair is usually what is still missing, so it is checked first and the full scan (every value on
     * every node) runs only once it has arrived.
     */
    private boolean converged() {
        if (blockedNode != null && !blockedNode.holds(blockedValue)) {
            return false;
        }
        blockedNode = null;
        for (long value : acknowledged) {
            for (SimBenchNode node : nodes) {
                if (!node.holds(value)) {
                    blockedNode = node;
                    blockedValue = value;
                    return false;
                }
            }
        }
        return true;
    }
}
