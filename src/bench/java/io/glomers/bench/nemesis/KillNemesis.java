package io.glomers.bench.nemesis;

import io.glomers.bench.history.HistoryRecorder;
import io.glomers.bench.history.Op;
import io.glomers.bench.nodes.BenchNode;
import io.glomers.bench.sched.Scheduler;
import io.glomers.bench.workload.SetupFailure;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@code --nemesis kill} (Maelstrom PR #102, Jepsen's {@code :kill}/{@code :start}): SIGKILL one
 * node or a minority; on the next step restart them through the launcher and send {@code init}
 * again, which must be answered within the init deadline. Ops: {@code :kill} with the nodes, then
 * {@code {"n1" :killed}}; {@code :start} with the nodes, then {@code {"n1" :started}} once every
 * one answered init. A node's state is lost unless it kept it itself (the node's journal).
 */
public final class KillNemesis extends FlipFlop {

    private final HistoryRecorder history;
    private final Map<String, BenchNode> nodes;
    private final NodeTargets targets;
    private final Function<List<String>, CompletableFuture<Void>> initAgain;
    private List<String> killed = List.of();
    /** Killed, or restarted and not yet initialised. */
    private final Set<String> down = new HashSet<>();

    /**
     * @param nodes     every node by id
     * @param ids       the node ids in order
     * @param initAgain sends init to restarted nodes; fails (with a {@link SetupFailure}) when one is late
     */
    public KillNemesis(Scheduler scheduler, Random random, HistoryRecorder history, Map<String, BenchNode> nodes,
                       List<String> ids, Function<List<String>, CompletableFuture<Void>> initAgain, Duration interval) {
        super(scheduler, random, interval);
        this.history = history;
        this.nodes = Map.copyOf(nodes);
        this.targets = new NodeTargets(random, ids);
        this.initAgain = initAgain;
    }

    /**
     * Whether the node is killed or still starting: the pause nemesis leaves it alone, since a pause
     * before its init_ok would make the bench fail the run for a late init.
     */
    public boolean isDown(String id) {
        return down.contains(id);
    }

    @Override
    CompletableFuture<Void> begin() {
        killed = targets.pick(id -> true).nodes();
        kill(killed);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    CompletableFuture<Void> end() {
        List<String> restarted = killed;
        killed = List.of();
        return restart(restarted);
    }

    /** SIGKILL to these nodes. */
    void kill(List<String> ids) {
        history.record(Op.Type.INFO, Op.NEMESIS, "kill", NodeTargets.edn(ids), false);
        ids.forEach(id -> nodes.get(id).kill());
        down.addAll(ids);
        history.record(Op.Type.INFO, Op.NEMESIS, "kill", NodeTargets.edn(ids, "killed"), false);
    }

    /** Starts these killed nodes again; completes when every one answered init. */
    CompletableFuture<Void> restart(List<String> ids) {
        history.record(Op.Type.INFO, Op.NEMESIS, "start", NodeTargets.edn(ids), false);
        for (String id : ids) {
            try {
                nodes.get(id).restart();
            } catch (Exception e) {
                return CompletableFuture.failedFuture(new SetupFailure(id + " could not be restarted by the kill nemesis: " + e));
            }
        }
        // Init in the same scheduler task as the restart, so it is the first line the new process reads.
        return initAgain.apply(ids).thenRun(() -> {
            ids.forEach(down::remove);
            history.record(Op.Type.INFO, Op.NEMESIS, "start", NodeTargets.edn(ids, "started"), false);
        });
    }
}
