package io.glomers.bench.nemesis;

import io.glomers.bench.history.HistoryRecorder;
import io.glomers.bench.history.Op;
import io.glomers.bench.net.Partitions;
import io.glomers.bench.sched.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Maelstrom's {@code --nemesis partition}: Jepsen's flip-flop ({@link FlipFlop}) of start-partition
 * and stop-partition, the first as the workload starts (the real 3c history starts one at 0.08 s),
 * each next one a uniform [0, 2 x interval) later. Each start picks a grudge shape at random. Its
 * actions go into the history as Jepsen records them (process :nemesis, :info). A partition is set
 * and healed at once, so each step completes as it is taken.
 */
public final class PartitionNemesis extends FlipFlop {

    private final Partitions partitions;
    private final Grudges grudges;
    private final HistoryRecorder history;
    private final List<String> nodes;

    public PartitionNemesis(Scheduler scheduler, Random random, Partitions partitions, Grudges grudges,
                            HistoryRecorder history, List<String> nodes, Duration interval) {
        super(scheduler, random, interval);
        this.partitions = partitions;
        this.grudges = grudges;
        this.history = history;
        this.nodes = List.copyOf(nodes);
    }

    @Override
    CompletableFuture<Void> begin() {
        Grudges.Spec spec = grudges.pick();
        isolate(spec.keyword(), grudges.grudge(spec, nodes));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    CompletableFuture<Void> end() {
        heal();
        return CompletableFuture.completedFuture(null);
    }

    /** Cuts the network as {@code grudge} says (each node to those it does not hear), named {@code keyword} in the history. */
    void isolate(String keyword, Map<String, Set<String>> grudge) {
        history.record(Op.Type.INFO, Op.NEMESIS, "start-partition", ":" + keyword, false);
        partitions.set(grudge);
        history.record(Op.Type.INFO, Op.NEMESIS, "start-partition", "[:isolated " + edn(grudge) + "]", false);
    }

    void heal() {
        history.record(Op.Type.INFO, Op.NEMESIS, "stop-partition", null, false);
        partitions.heal();
        history.record(Op.Type.INFO, Op.NEMESIS, "stop-partition", ":network-healed", false);
    }

    /**
     * Maelstrom's final nemesis generator heals before the final reads and records a stop-partition
     * even when no partition is in place; a partition step completes at once, so stop() is done on return.
     */
    @Override
    boolean endsOnStopEvenIfOff() {
        return true;
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
