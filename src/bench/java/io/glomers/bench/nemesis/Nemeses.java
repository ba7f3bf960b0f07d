package io.glomers.bench.nemesis;

import io.glomers.bench.history.HistoryRecorder;
import io.glomers.bench.net.Partitions;
import io.glomers.bench.nodes.BenchNode;
import io.glomers.bench.sched.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A run's nemeses (Jepsen's combined nemesis): the partition, kill and pause nemeses the options
 * turn on, each on its own schedule drawn from the run's random, or all of them driven by a fixed
 * {@link FaultPlan} ({@code --faults}). Started as the workload starts; stopped before the recovery
 * wait. Scheduler thread only.
 */
public final class Nemeses {

    private final PartitionNemesis partition;
    private final KillNemesis kill;
    private final PauseNemesis pause;
    private final PlanPlayer plan;

    private Nemeses(PartitionNemesis partition, KillNemesis kill, PauseNemesis pause, FaultPlan plan, Scheduler scheduler) {
        this.partition = partition;
        this.kill = kill;
        this.pause = pause;
        this.plan = plan == null ? null : new PlanPlayer(plan, scheduler, partition, kill, pause);
    }

    /**
     * Builds and starts the nemeses: those in {@code faults}, each every {@code interval} on average,
     * or those {@code plan} uses on its schedule (null: none).
     *
     * @param initAgain sends init to restarted nodes; fails (with a {@link io.glomers.bench.workload.SetupFailure}) when one is late
     * @param issued    told of each step a nemesis takes on its own schedule, as it is issued
     */
    public static Nemeses start(Set<Fault> faults, Duration interval, FaultPlan plan, Duration timeLimit,
                                Scheduler scheduler, Random random, Partitions partitions, HistoryRecorder history,
                                List<String> ids, Map<String, BenchNode> nodes,
                                Function<List<String>, CompletableFuture<Void>> initAgain, Runnable issued) {
        PartitionNemesis partition = null;
        KillNemesis kill = null;
        PauseNemesis pause = null;
        if (faults.contains(Fault.PARTITION)) {
            partition = new PartitionNemesis(scheduler, random, partitions, new Grudges(random), history, ids,
                    interval);
            if (plan == null) {
                partition.onEachStep(issued);
                partition.start();
            }
        }
        if (faults.contains(Fault.KILL)) {
            kill = new KillNemesis(scheduler, random, history, nodes, ids, initAgain, interval);
            if (plan == null) {
                kill.onEachStep(issued);
                kill.start();
            }
        }
        if (faults.contains(Fault.PAUSE)) {
            KillNemesis kills = kill;
            pause = new PauseNemesis(scheduler, random, history, nodes, ids, id -> kills != null && kills.isDown(id),
                    interval);
            if (plan == null) {
                pause.onEachStep(issued);
                pause.start();
            }
        }
        Nemeses nemeses = new Nemeses(partition, kill, pause, plan, scheduler);
        if (nemeses.plan != null) {
            nemeses.plan.start(timeLimit.toMillis());
        }
        return nemeses;
    }

    /**
     * Maelstrom's final nemesis phase: heal partitions, resume paused nodes, restart killed ones;
     * completes when every node serves again.
     */
    public CompletableFuture<Void> stop() {
        if (plan != null) {
            return plan.stop();
        }
        CompletableFuture<Void> healed = partition != null ? partition.stop() : CompletableFuture.completedFuture(null);
        CompletableFuture<Void> resumed = pause != null ? pause.stop() : CompletableFuture.completedFuture(null);
        return healed.thenCombine(resumed, (h, r) -> r)
                .thenCompose(v -> kill != null ? kill.stop() : CompletableFuture.completedFuture(null));
    }
}
