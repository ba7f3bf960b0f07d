package io.glomers.bench.nemesis;

import io.glomers.bench.history.HistoryRecorder;
import io.glomers.bench.history.Op;
import io.glomers.bench.net.Partitions;
import io.glomers.bench.sched.Scheduler;
import io.glomers.runtime.EventLoop;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maelstrom's {@code --nemesis partition}: Jepsen's flip-flop of start-partition and stop-partition,
 * staggered (each step after a uniform random delay in [0, 2 x interval)). Each start picks a grudge
 * shape at random. Its actions go into the history as Jepsen records them (process :nemesis, :info).
 */
public final class PartitionNemesis {

    private final Scheduler scheduler;
    private final Random random;
    private final Partitions partitions;
    private final Grudges grudges;
    private final HistoryRecorder history;
    private final List<String> nodes;
    private final Duration interval;

    private boolean nextIsStart = true;
    private boolean running;
    private EventLoop.Cancellable pending = () -> { };

    public PartitionNemesis(Scheduler scheduler, Random random, Partitions partitions, Grudges grudges,
                            HistoryRecorder history, List<String> nodes, Duration interval) {
        this.scheduler = scheduler;
        this.random = random;
        this.partitions = partitions;
        this.grudges = grudges;
        this.history = history;
        this.nodes = List.copyOf(nodes);
        this.interval = interval;
    }

    /**
     * The first partition starts with the workload: Jepsen's {@code gen/stagger} issues its first
     * operation at once (the real 3c history starts one at 0.08 s); each next step follows a uniform
     * [0, 2 x interval) later.
     */
    public void start() {
        running = true;
        pending = scheduler.schedule(Duration.ZERO, this::step);
    }

    /** Stops the schedule and heals, as Maelstrom's final nemesis generator does before the final reads. */
    public void stopAndHeal() {
        running = false;
        pending.cancel();
        history.record(Op.Type.INFO, Op.NEMESIS, "stop-partition", null, false);
        partitions.heal();
        history.record(Op.Type.INFO, Op.NEMESIS, "stop-partition", ":network-healed", false);
    }

    private void scheduleStep() {
        Duration delay = Duration.ofNanos((long) (random.nextDouble() * 2 * interval.toNanos()));
        pending = scheduler.schedule(delay, this::step);
    }

    private void step() {
        if (!running) {
            return;
        }
        if (nextIsStart) {
            Grudges.Spec spec = grudges.pick();
            history.record(Op.Type.INFO, Op.NEMESIS, "start-partition", ":" + spec.keyword(), false);
            Map<String, Set<String>> grudge = grudges.grudge(spec, nodes);
            partitions.set(grudge);
            history.record(Op.Type.INFO, Op.NEMESIS, "start-partition", "[:isolated " + edn(grudge) + "]", false);
        } else {
            history.record(Op.Type.INFO, Op.NEMESIS, "stop-partition", null, false);
            partitions.heal();
            history.record(Op.Type.INFO, Op.NEMESIS, "stop-partition", ":network-healed", false);
        }
        nextIsStart = !nextIsStart;
        scheduleStep();
    }

    /** The grudge as Jepsen prints it: {"n0" #{"n1" "n2"}, ...}. */
    static String edn(Map<String, Set<String>> grudge) {
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(grudge).forEach((node, hated) -> {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append('"').append(node).append("\" #{");
            out.append(String.join(" ", new TreeSet<>(hated).stream().map(h -> "\"" + h + "\"").toList()));
            out.append('}');
        });
        return out.append('}').toString();
    }
}
