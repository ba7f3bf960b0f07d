package io.glomers.broadcast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.IntStream;

/**
 * The plan with the fewest messages among those a {@link Judge} passes, for the {@link Planner}. Plans come in
 * families, a shape and a linger with the hub's interval free, or {@code direct} with its linger free; every cost
 * falls as a wait grows ({@link TrafficModel}), so the best plan of a family is its longest wait that meets the
 * objective ({@link #longest}). Predictions are what costs CPU, and the cost of a plan is cheap: a family whose
 * longest wait already costs more than a plan found cannot hold the cheapest, nor can the waits of a family below
 * one that costs more, and neither is predicted. Families are searched from the one that could cost least, so
 * that a cheap plan is found early; ties go, as if every family had been searched in turn, to the smaller maximum
 * and then to the family listed first.
 */
final class PlanSearch {

    /**
     * Origin lingers tried with the hub's shapes (the direct shape's linger is searched like an
     * interval). Cost falls with both waits, so only their split is a choice, and it matters most in
     * small clusters, where an origin's batches are a large share of the messages: the grid is fine
     * where the best splits of the sweeps fell (200 ms of linger under a 250 ms interval at 5-10 nodes).
     */
    private static final long[] LINGERS = {0, 25, 50, 100, 150, 200, 300, 400};
    /** Intervals and lingers are chosen to this step: finer moves are noise. */
    static final long STEP = 5;
    /** The coarse grid waits are scanned on before they are refined to the step. */
    private static final long SCAN = 50;
    private static final Comparator<Found> FEWEST_MESSAGES = Comparator
            .comparingDouble((Found found) -> found.prediction().messagesPerSecond())
            .thenComparingDouble(found -> found.prediction().max())
            .thenComparingInt(Found::family);

    private final Judge judge;
    /** The longest wait tried: the objective's maximum. */
    private final long ceiling;

    PlanSearch(Judge judge, long ceiling) {
        this.judge = judge;
        this.ceiling = ceiling;
    }

    /** The cheapest plan the judge passes, if any; both paths only where no single one meets. */
    Optional<Planner.Prediction> cheapest() {
        return cheapest(true);
    }

    /** The same among plans that send every value to every node from its origin: {@code direct}, then both paths. */
    Optional<Planner.Prediction> cheapestInOneHop() {
        return cheapest(false);
    }

    private Optional<Planner.Prediction> cheapest(boolean throughTheHub) {
        List<LongFunction<Plan>> families = new ArrayList<>();
        List<Plan.Shape> stars = !throughTheHub ? List.of()
                : judge.model().secondCopyHelps() ? List.of(Plan.Shape.STAR, Plan.Shape.STAR_TWICE) : List.of(Plan.Shape.STAR);
        for (Plan.Shape star : stars) {
            for (long linger : LINGERS) {
                families.add(interval -> new Plan(0, star, linger, interval));
            }
        }
        families.add(linger -> new Plan(0, Plan.Shape.DIRECT, linger, 0));
        Optional<Found> found = cheapestOf(families);
        if (found.isEmpty()) {
            // Both paths cost a direct send and the hub's relay: they pay only where neither alone meets.
            List<LongFunction<Plan>> both = new ArrayList<>();
            for (long linger : LINGERS) {
                both.add(interval -> new Plan(0, Plan.Shape.BOTH, linger, interval));
            }
            found = cheapestOf(both);
        }
        return found.map(Found::prediction);
    }

    /** A plan that meets, and the index of the family it came from. */
    private record Found(Planner.Prediction prediction, int family) {
    }

    private Optional<Found> cheapestOf(List<LongFunction<Plan>> families) {
        double[] leastCost = families.stream().mapToDouble(family -> judge.cost(family.apply(ceiling))).toArray();
        Found best = null;
        for (int f : IntStream.range(0, families.size()).boxed()
                .sorted(Comparator.comparingDouble(f -> leastCost[f])).mapToInt(Integer::intValue).toArray()) {
            double bound = best == null ? Double.POSITIVE_INFINITY : best.prediction().messagesPerSecond();
            Optional<Found> found = longest(families.get(f), bound).map(prediction -> new Found(prediction, f));
            if (found.isPresent() && (best == null || FEWEST_MESSAGES.compare(found.get(), best) < 0)) {
                best = found.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The longest wait, to the step, with which the plan that {@code withWait} makes still meets the
     * objective; empty when none does, or when none that could cost no more than {@code bound} does.
     * Latency is not monotone in the hub's interval (a longer one leaves a node's loop idle more often,
     * which hides more of the last hop from reads), so the waits are scanned from the longest down on a
     * coarse grid, and the first that meets is refined upwards by bisection.
     */
    private Optional<Planner.Prediction> longest(LongFunction<Plan> withWait, double bound) {
        for (long wait = ceiling / SCAN * SCAN; wait >= 0; wait -= SCAN) {
            // Refined, it stays below the next wait up: no plan from here down costs less than that one.
            if (judge.cost(withWait.apply(Math.min(ceiling, wait + SCAN))) > bound) {
                return Optional.empty();
            }
            Optional<Planner.Prediction> found = judge.ifMeets(withWait.apply(wait));
            if (found.isPresent()) {
                return Optional.of(refine(withWait, found.get(), wait, Math.min(ceiling + STEP, wait + SCAN)));
            }
        }
        return Optional.empty();
    }

    private Planner.Prediction refine(LongFunction<Plan> withWait, Planner.Prediction best, long good, long bad) {
        while (bad - good > STEP) {
            long mid = (good + bad) / 2 / STEP * STEP;
            if (mid <= good) {
                break;
            }
            Optional<Planner.Prediction> candidate = judge.ifMeets(withWait.apply(mid));
            if (candidate.isPresent()) {
                good = mid;
                best = candidate.get();
            } else {
                bad = mid;
            }
        }
        return best;
    }
}
