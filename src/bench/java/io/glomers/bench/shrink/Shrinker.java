package io.glomers.bench.shrink;

import io.glomers.bench.run.BenchResult;
import io.glomers.bench.nemesis.Fault;
import io.glomers.bench.nemesis.FaultEvent;
import io.glomers.bench.nemesis.FaultPlan;
import io.glomers.bench.net.LatencyModel.Distribution;
import io.glomers.bench.sim.RunCase;
import io.glomers.bench.sim.SimResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Shrinks a failing simulated run to a small one that fails the same way: greedy, as QuickCheck
 * shrinks, over the run's dimensions ({@link #candidates}), the biggest cuts first: fewer nodes, a
 * shorter workload, a lower rate, fewer and shorter faults, a plainer network. Each candidate is a
 * deterministic replay, so the search is too; the first candidate that still fails with the same
 * anomaly becomes the run to shrink further, until no candidate fails or the time budget is spent
 * (the smallest failure so far is kept). Nothing is reported that was not replayed: the result is
 * replayed once more at the end and must match the run the search saw.
 */
public final class Shrinker {

    /**
     * @param failure      the smallest failing run, as the search saw it
     * @param anomaly      the anomaly every accepted candidate kept
     * @param tried        candidates run
     * @param smaller      candidates accepted
     * @param budgetSpent  whether the search stopped on its time budget rather than at a minimum
     * @param stored       where the final replay was written (results, history, pictures), or null
     * @param story        the lines that show the anomaly
     */
    public record Result(RunCase original, RunCase shrunk, SimResult failure, Anomaly anomaly, int tried, int smaller,
                         boolean budgetSpent, Path stored, List<String> story, long wallNanos) {

        public String summary() {
            return String.format("shrink: %s in %d of %d candidates, %.1f s%s: %s", anomaly.label(), smaller, tried,
                    wallNanos / 1e9, budgetSpent ? " (time budget spent; the smallest so far)" : "",
                    shapeOf(shrunk, failure.bench()).brief());
        }
    }

    private final Duration budget;
    private final LongSupplier clock;
    private final Consumer<String> progress;

    /** @param progress told after each candidate, one line (for a status line) */
    public Shrinker(Duration budget, LongSupplier clock, Consumer<String> progress) {
        this.budget = budget;
        this.clock = clock;
        this.progress = progress;
    }

    /**
     * Shrinks {@code failing}; {@code store} is where the smallest failure is written with its pictures
     * (null: nowhere).
     *
     * @throws IllegalArgumentException when {@code failing} does not fail
     */
    public Result shrink(RunCase failing, Path store) throws IOException {
        long started = clock.getAsLong();
        SimResult first = failing.replay();
        Set<Anomaly> found = Anomaly.of(first.bench());
        if (found.isEmpty()) {
            throw new IllegalArgumentException("the run is valid; there is no failure to shrink: " + failing.command());
        }
        Anomaly anomaly = found.iterator().next();
        RunCase best = failing;
        SimResult bestResult = first;
        Set<List<String>> seen = new HashSet<>();
        seen.add(failing.args());
        int tried = 0;
        int smaller = 0;
        boolean spent = false;
        boolean improved = true;
        while (improved && !spent) {
            improved = false;
            for (Shape candidate : candidates(shapeOf(best, bestResult.bench()), bestResult.bench())) {
                if (clock.getAsLong() - started > budget.toNanos()) {
                    spent = true;
                    break;
                }
                RunCase next = best.withArgs(candidate.args());
                if (!seen.add(next.args())) {
                    continue;
                }
                SimResult result = next.replay();
                tried++;
                if (Anomaly.of(result.bench()).contains(anomaly)) {
                    best = next;
                    bestResult = result;
                    smaller++;
                    improved = true;
                }
                progress.accept(String.format("shrink: %d tried, %d smaller, %.0f s: %s", tried, smaller,
                        (clock.getAsLong() - started) / 1e9, shapeOf(best, bestResult.bench()).brief()));
                if (improved) {
                    break;
                }
            }
        }
        SimResult check = store == null ? best.replay() : best.replay("--store-runs", "all", "--store", store.toString());
        if (!check.bench().history().equals(bestResult.bench().history())
                || !check.bench().reasons().equals(bestResult.bench().reasons())) {
            throw new IllegalStateException("the shrunk run did not replay as the search saw it: " + best.command());
        }
        return new Result(failing, best, bestResult, anomaly, tried, smaller, spent, check.bench().dir(), Story.of(bestResult.bench()),
                clock.getAsLong() - started);
    }

    private static Shape shapeOf(RunCase run, BenchResult result) {
        return Shape.of(result.options(), run.args());
    }

    /** Smaller runs than {@code shape}, the biggest cuts first; {@code result} is its failing run. */
    static List<Shape> candidates(Shape shape, BenchResult result) {
        List<Shape> candidates = new ArrayList<>();
        if (shape.plan() == null && !shape.nemeses().isEmpty()) {
            // The nemeses' own schedule as a fixed plan: from here on each fault can go on its own.
            candidates.add(shape.withPlan(FaultPlan.of(result.history(), shape.timeLimitMillis())));
            for (Fault kind : shape.nemeses()) {
                Set<Fault> fewer = EnumSet.copyOf(shape.nemeses());
                fewer.remove(kind);
                candidates.add(shape.withNemeses(fewer));
            }
        }
        candidates.addAll(smallerLoads(shape));
        if (shape.plan() != null) {
            candidates.addAll(fewerAndShorterFaults(shape));
        }
        candidates.addAll(gentlerNetworks(shape));
        return candidates;
    }

    /** Fewer nodes (folding the plan's faults onto them too), a shorter run, a lower rate. */
    private static List<Shape> smallerLoads(Shape shape) {
        List<Shape> candidates = new ArrayList<>();
        int n = shape.nodes();
        for (long count : ascending(1, 2, 3, 4, 5, n / 2, n * 3 / 4, n - 1)) {
            if (count >= 1 && count < n) {
                candidates.add(shape.withNodes((int) count));
                if (shape.plan() != null) {
                    candidates.add(shape.withNodesFolded((int) count));
                }
            }
        }
        long t = shape.timeLimitMillis();
        for (long limit : ascending(1000, 2000, 3000, 5000, t / 2, t * 3 / 4)) {
            if (limit >= 1000 && limit < t) {
                candidates.add(shape.withTimeLimit(limit));
            }
        }
        double rate = shape.rate();
        for (long perSecond : ascending(1, 2, 5, 10, (long) (rate / 2), (long) (rate * 3 / 4))) {
            if (perSecond >= 1 && perSecond < rate) {
                candidates.add(shape.withRate(perSecond));
            }
        }
        return candidates;
    }

    /** The network's faults off (all, then each), then less latency or a constant one. */
    private static List<Shape> gentlerNetworks(Shape shape) {
        List<Shape> candidates = new ArrayList<>();
        int netFaultsOn = (shape.duplicate() > 0 ? 1 : 0) + (shape.reorder() > 0 ? 1 : 0) + (shape.spike() > 0 ? 1 : 0);
        if (netFaultsOn > 1) {
            candidates.add(shape.withNetFaults(0, 0, 0));
        }
        if (shape.duplicate() > 0) {
            candidates.add(shape.withNetFaults(0, shape.reorder(), shape.spike()));
        }
        if (shape.reorder() > 0) {
            candidates.add(shape.withNetFaults(shape.duplicate(), 0, shape.spike()));
        }
        if (shape.spike() > 0) {
            candidates.add(shape.withNetFaults(shape.duplicate(), shape.reorder(), 0));
        }
        if (shape.latencyMillis() > 0) {
            candidates.add(shape.withLatency(0, Distribution.CONSTANT));
            if (shape.distribution() != Distribution.CONSTANT) {
                candidates.add(shape.withLatency(shape.latencyMillis(), Distribution.CONSTANT));
            }
            candidates.add(shape.withLatency(shape.latencyMillis() / 2, shape.distribution()));
        }
        return candidates;
    }

    /**
     * Each event dropped; then each made shorter (its first half, its second half), moved earlier
     * (so that a shorter run keeps it) or aimed at one of its nodes.
     */
    private static List<Shape> fewerAndShorterFaults(Shape shape) {
        List<Shape> candidates = new ArrayList<>();
        FaultPlan plan = shape.plan();
        for (int i = 0; i < plan.events().size(); i++) {
            candidates.add(shape.withPlan(plan.without(i)));
        }
        for (int i = 0; i < plan.events().size(); i++) {
            FaultEvent event = plan.events().get(i);
            long half = event.durationMillis() / 2;
            if (half >= 1) {
                candidates.add(shape.withPlan(plan.with(i, event.during(event.startMillis(), event.startMillis() + half))));
                candidates.add(shape.withPlan(plan.with(i, event.during(event.startMillis() + half, event.endMillis()))));
            }
            if (event.startMillis() > 0) {
                long earlier = event.startMillis() / 2;
                candidates.add(shape.withPlan(plan.with(i, event.during(earlier, earlier + event.durationMillis()))));
            }
            if (event.nodes().size() > 1) {
                for (String node : event.nodes()) {
                    candidates.add(shape.withPlan(plan.with(i, FaultEvent.of(event.kind(), event.startMillis(),
                            event.endMillis(), List.of(node)))));
                }
            }
        }
        return candidates;
    }

    private static List<Long> ascending(long... values) {
        Set<Long> distinct = new LinkedHashSet<>();
        Arrays.stream(values).sorted().forEach(distinct::add);
        return List.copyOf(distinct);
    }
}
