package io.glomers.bench.nemesis;

import io.glomers.bench.history.HistoryRecorder;
import io.glomers.bench.history.Op;
import io.glomers.bench.nodes.BenchNode;
import io.glomers.bench.sched.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * {@code --nemesis pause} (Maelstrom PR #102, Jepsen's {@code :pause}/{@code :resume}): SIGSTOP one
 * node or a minority, SIGCONT them on the next step. A stopped process keeps its memory; what is
 * sent to it waits in its stdin pipe and is read after SIGCONT. Ops: {@code :pause} with the nodes,
 * then {@code {"n1" :paused}}; {@code :resume} likewise with {@code :resumed}.
 */
public final class PauseNemesis extends FlipFlop {

    private final HistoryRecorder history;
    private final Map<String, BenchNode> nodes;
    private final NodeTargets targets;
    private final Predicate<String> spared;
    private List<String> paused = List.of();

    /** @param spared nodes not to pause now (killed or restarting ones) */
    public PauseNemesis(Scheduler scheduler, Random random, HistoryRecorder history, Map<String, BenchNode> nodes,
                        List<String> ids, Predicate<String> spared, Duration interval) {
        super(scheduler, random, interval);
        this.history = history;
        this.nodes = Map.copyOf(nodes);
        this.targets = new NodeTargets(random, ids);
        this.spared = spared;
    }

    @Override
    CompletableFuture<Void> begin() {
        paused = targets.pick(spared.negate()).nodes();
        pause(paused);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    CompletableFuture<Void> end() {
        resume(paused);
        paused = List.of();
        return CompletableFuture.completedFuture(null);
    }

    /** Whether the node may be paused now (it is not killed or restarting). */
    boolean spares(String id) {
        return spared.test(id);
    }

    /** SIGSTOP to these nodes. */
    void pause(List<String> ids) {
        history.record(Op.Type.INFO, Op.NEMESIS, "pause", NodeTargets.edn(ids), false);
        ids.forEach(id -> nodes.get(id).pause());
        history.record(Op.Type.INFO, Op.NEMESIS, "pause", NodeTargets.edn(ids, "paused"), false);
    }

    /** SIGCONT to these nodes. */
    void resume(List<String> ids) {
        history.record(Op.Type.INFO, Op.NEMESIS, "resume", NodeTargets.edn(ids), false);
        ids.forEach(id -> nodes.get(id).resume());
        history.record(Op.Type.INFO, Op.NEMESIS, "resume", NodeTargets.edn(ids, "resumed"), false);
    }
}
