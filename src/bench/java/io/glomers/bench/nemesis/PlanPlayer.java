package io.glomers.bench.nemesis;

import io.glomers.runtime.EventLoop;
import io.glomers.bench.sched.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Plays a {@link FaultPlan} through the nemeses: each event begins and ends at its times from the
 * workload's start, recorded in the history as the nemeses record their own steps. An event that
 * ends at or after the time limit lasts until {@link #stop()}. A kill or pause leaves out nodes that
 * are already down (killed, or restarting), so overlapping events never kill a node twice.
 */
final class PlanPlayer {

    private final FaultPlan plan;
    private final Scheduler scheduler;
    private final PartitionNemesis partition;
    private final KillNemesis kill;
    private final PauseNemesis pause;
    private final List<EventLoop.Cancellable> pending = new ArrayList<>();
    /** Events in place, with the nodes each actually took down (all of them for a partition). */
    private final Map<FaultEvent, List<String>> active = new LinkedHashMap<>();
    private CompletableFuture<Void> restarts = CompletableFuture.completedFuture(null);

    PlanPlayer(FaultPlan plan, Scheduler scheduler, PartitionNemesis partition, KillNemesis kill, PauseNemesis pause) {
        this.plan = plan;
        this.scheduler = scheduler;
        this.partition = partition;
        this.kill = kill;
        this.pause = pause;
    }

    void start(long timeLimitMillis) {
        for (FaultEvent event : plan.events()) {
            pending.add(scheduler.schedule(Duration.ofMillis(event.startMillis()), () -> begin(event)));
            if (event.endMillis() < timeLimitMillis) {
                pending.add(scheduler.schedule(Duration.ofMillis(event.endMillis()), () -> end(event)));
            }
        }
    }

    private void begin(FaultEvent event) {
        List<String> hit = switch (event.kind()) {
            case PARTITION -> {
                partition.isolate("planned", event.grudge());
                yield List.of();
            }
            case KILL -> {
                List<String> up = event.nodes().stream().filter(id -> !kill.isDown(id)).toList();
                kill.kill(up);
                yield up;
            }
            case PAUSE -> {
                List<String> up = event.nodes().stream().filter(id -> !pause.spares(id)).toList();
                pause.pause(up);
                yield up;
            }
        };
        active.put(event, hit);
    }

    private CompletableFuture<Void> end(FaultEvent event) {
        List<String> hit = active.remove(event);
        if (hit == null) {
            return CompletableFuture.completedFuture(null);
        }
        switch (event.kind()) {
            case PARTITION -> {
                partition.heal();
                // A partition still in place from another event holds again.
                active.keySet().stream().filter(other -> other.kind() == Fault.PARTITION).reduce((a, b) -> b)
                        .ifPresent(other -> partition.isolate("planned", other.grudge()));
            }
            case PAUSE -> pause.resume(hit);
            case KILL -> {
                CompletableFuture<Void> restarted = kill.restart(hit);
                restarts = restarts.thenCompose(v -> restarted);
                return restarted;
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Drops what has not happened yet and ends what is in place: partitions healed (recorded even
     * when none is in place, as Maelstrom's final generator does), paused nodes resumed, killed ones
     * restarted; completes when every node answered init again.
     */
    CompletableFuture<Void> stop() {
        pending.forEach(EventLoop.Cancellable::cancel);
        pending.clear();
        List<FaultEvent> inPlace = new ArrayList<>(active.keySet());
        if (partition != null) {
            inPlace.removeIf(event -> event.kind() == Fault.PARTITION);
            active.keySet().removeIf(event -> event.kind() == Fault.PARTITION);
            partition.heal();
        }
        inPlace.stream().filter(event -> event.kind() == Fault.PAUSE).forEach(this::end);
        List<CompletableFuture<Void>> restarted = new ArrayList<>();
        inPlace.stream().filter(event -> event.kind() == Fault.KILL).forEach(event -> restarted.add(end(event)));
        return CompletableFuture.allOf(restarted.toArray(CompletableFuture[]::new)).thenCompose(v -> restarts);
    }
}
