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
 * each next one a uniform [0, 2 x interval) after the previous one began. Each start picks a grudge
 * shape at random. Its actions go into the history as Jepsen records them (process :nemesis, :info).
 * A partition holds from {@link #TAKES_EFFECT} after its start is issued, as under Maelstrom, where
 * Jepsen's partitioner cuts each pair of nodes in a thread of its own; a heal is at once.
 */
public final class PartitionNemesis extends FlipFlop {

    /**
     * How long after its start is issued a partition holds: the mean duration of start-partition
     * (invocation to completion) in real Maelstrom v0.2.4 histories, 5 and 10 nodes: 8 ms (median 5,
     * p90 15-20, at most 47 ms; a heal takes 0.5 ms). Over short nemesis intervals it is a visible
     * part of the time partitioned (8 of 300 ms at {@code --nemesis-interval 0.3}).
     */
    static final Duration TAKES_EFFECT = Duration.ofMillis(8);

    private final Scheduler scheduler;
    private final Partitions partitions;
    private final Grudges grudges;
    private final HistoryRecorder history;
    private final List<String> nodes;

    public PartitionNemesis(Scheduler scheduler, Random random, Partitions partitions, Grudges grudges,
                            HistoryRecorder history, List<String> nodes, Duration interval) {
        super(scheduler, random, interval);
        this.scheduler = scheduler;
        this.partitions = partitions;
        this.grudges = grudges;
        this.history = history;
        this.nodes = List.copyOf(nodes);
    }

    @Override
    CompletableFuture<Void> begin() {
        Grudges.Spec spec = grudges.pick();
        Map<String, Set<String>> grudge = grudges.grudge(spec, nodes);
        history.record(Op.Type.INFO, Op.NEMESIS, "start-partition", ":" + spec.keyword(), false);
        CompletableFuture<Void> cut = new CompletableFuture<>();
        scheduler.schedule(TAKES_EFFECT, () -> {
            partitions.set(grudge);
            recordCut(grudge);
            cut.complete(null);
        });
        return cut;
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
        recordCut(grudge);
    }

    private void recordCut(Map<String, Set<String>> grudge) {
        history.record(Op.Type.INFO, Op.NEMESIS, "start-partition", "[:isolated " + edn(grudge) + "]", false);
    }

    void heal() {
        history.record(Op.Type.INFO, Op.NEMESIS, "stop-partition", null, false);
        partitions.heal();
        history.record(Op.Type.INFO, Op.NEMESIS, "stop-partition", ":network-healed", false);
    }

    /**
     * Maelstrom's final nemesis generator heals before the final reads and records a stop-partition
     * even when no partition is in place (after a start still under way, once it has taken effect).
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
