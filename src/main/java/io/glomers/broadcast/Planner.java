package io.glomers.broadcast;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import lombok.extern.slf4j.Slf4j;

/**
 * Chooses the adaptive overlay's plan: the fewest messages ({@link TrafficModel}) among the plans
 * whose predicted latency ({@link DeliveryModel}) meets the objective with its margins. Every cost
 * falls as the linger and the interval grow, so the search ({@link PlanSearch}) takes, for each shape and
 * linger, the longest interval that still meets the objective. Where no plan meets it, the fewest
 * messages near the closest plan the network allows. A plan that still meets the objective (within
 * {@link Judge#keepWithin}) is kept unless another saves more than {@code 1 - }{@link #KEEP_UNLESS_BELOW}
 * of its messages ({@link #KEEP_UNLESS_BELOW_ON_A_HEAVY_TAIL} on a heavy tail): measurements move a
 * little all the time, and a plan that followed every move would flap; where nothing meets, the limits
 * it settles for move with the tail of the delays, and the band is wider ({@link #KEEP_NEAREST_WITHIN}).
 * A plan that would cost more than twice the current one is taken only when the current one misses twice
 * in a row: one spell of slow delays (a pause, a busy moment) should not buy seconds of the most expensive
 * shape. Likewise a plan that saves less than half of one the planner chose is taken only when the next
 * choice finds a cheaper one too: it was found at the edge of one window's tail. Larger savings (a spell
 * of slow delays over) are taken at once. Nor, on a heavy tail, is a plan that meets taken at more than twice
 * the messages of one predicted within {@link Judge#KEEP_WITHIN} of the limits: the next window may put either across.
 */
@Slf4j
final class Planner {

    /** A plan that meets the objective is kept until another costs less than this share of it. */
    private static final double KEEP_UNLESS_BELOW = 0.85;
    /**
     * The same on an unbounded tail ({@link Judge#unboundedTail}), where the cheaper plan is most often
     * found at the edge of one window's tail and a run's maximum is a lottery of single hops: moving to
     * save 15-20 % put more runs over the objective than it saved messages (simulated, 5-50 nodes at 50 ms
     * exponential, forty seeds that chose nothing: 139 of 160 runs met, 128 with 0.85, the best fixed
     * settings 133; the messages within a few per cent, 25 nodes 13 % fewer).
     */
    private static final double KEEP_UNLESS_BELOW_ON_A_HEAVY_TAIL = 0.8;
    /**
     * Where no plan meets the objective, the current one is kept while within this much of the limits
     * the network allows: those limits come from the tail of the delays, and the tail of a few hundred
     * draws from a heavy-tailed network moves by a tenth or more from one window to the next.
     */
    private static final double KEEP_NEAREST_WITHIN = 1.25;
    /** A change to a plan this many times as costly waits until the current plan misses twice in a row. */
    private static final double COSTLY = 2;
    /** Where no plan meets the objective, the share of the fastest plan's miss a plan may add to save messages. */
    private static final double RELAXED_BY = 0.25;

    /** The most an origin's sends to the hub are spaced under the starting star ({@link #startOriginInterval}). */
    static final long START_ORIGIN_INTERVAL = 100;

    private final BroadcastProperties.Objective objective;
    private final TrafficModel traffic;
    /** The current plan missed the objective at the previous choice. */
    private boolean currentMissed;
    /** At the previous choice the current plan met the objective and a plan cheaper than it did too. */
    private boolean cheaperFound;

    Planner(BroadcastProperties.Objective objective, TrafficModel traffic) {
        this.objective = objective;
        this.traffic = traffic;
    }

    /** A plan with what it is predicted to cost and to take. Latencies in milliseconds. */
    record Prediction(Plan plan, double median, double max, double messagesPerSecond) {

        String describe() {
            return String.format(Locale.ROOT, "median %.0f ms, max %.0f ms, %.1f msgs/s", median, max, messagesPerSecond);
        }
    }

    /**
     * The plan to follow, what it is predicted to do, and why it was chosen; {@code looksAgain} where a
     * change waits for the next choice to agree, which must then be made however alike the conditions.
     */
    record Choice(Prediction prediction, boolean meetsObjective, boolean changed, boolean looksAgain, String reason) {
    }

    Choice choose(Conditions conditions, Plan current) {
        Judge judge = Judge.of(objective, traffic, conditions, current);
        Optional<Prediction> best = cheapest(judge);
        if (best.isPresent()) {
            Prediction chosen = best.get();
            String why = "the fewest messages that meet " + judge.target();
            // On a heavy tail, not at more than twice the messages of a plan the prediction cannot tell from one
            // that meets: one within the band a chosen plan is kept in, which the next window's tail moves it across.
            // Only a plan that fans out costs that much more than its neighbours (the search doubles the planning).
            if (judge.unboundedTail() && chosen.plan().shape().fansOut()) {
                Optional<Prediction> near = cheapest(judge.scaledBy(Judge.KEEP_WITHIN))
                        .filter(close -> COSTLY * close.messagesPerSecond() < best.get().messagesPerSecond());
                if (near.isPresent()) {
                    chosen = near.get();
                    why = "the fewest messages within " + Judge.KEEP_WITHIN + " times " + judge.target()
                            + "; the plans that meet it cost more than " + COSTLY + " times as much";
                }
            }
            return keepOrChange(judge, current, chosen, true, judge.keepWithin(current), why);
        }
        return settleNearTheClosest(judge, conditions, current);
    }

    /**
     * Where nothing meets the objective less its margins: come as close as the network allows, give up a quarter
     * of what that misses by (a near miss stays near, a far one may save many messages), and spend the fewest
     * messages; but not past the objective itself where the closest plan meets it, and, where two of the
     * longest hops pass the maximum settled for, in one hop.
     */
    private Choice settleNearTheClosest(Judge judge, Conditions conditions, Plan current) {
        Prediction nearest = Stream.of(Plan.Shape.values()).map(shape -> judge.predict(new Plan(0, shape, 0, 0)))
                .min(Comparator.comparingDouble(judge::shortfall)).orElseThrow();
        double reachable = judge.shortfall(nearest);
        double settled = reachable + RELAXED_BY * (reachable - 1);
        long median = objective.median().toMillis();
        long max = objective.max().toMillis();
        boolean objectiveWithinReach = nearest.median() <= median && nearest.max() <= max;
        Judge relaxed = objectiveWithinReach
                ? judge.scaledBy(Math.min(settled, median / judge.medianLimit()), Math.min(settled, max / judge.maxLimit()))
                : judge.scaledBy(settled);
        boolean oneHop = 2 * conditions.longestHop() > relaxed.maxLimit();
        Optional<Prediction> inOneHop = oneHop ? new PlanSearch(relaxed, max).cheapestInOneHop()
                : Optional.empty();
        Prediction closest = inOneHop.or(() -> cheapest(relaxed)).orElseThrow();
        return keepOrChange(relaxed, current, closest, false, KEEP_NEAREST_WITHIN, "no plan meets " + judge.target()
                + " here; the fewest messages near the closest the network allows, " + relaxed.target()
                + (inOneHop.isPresent() ? ", in one hop (two of the longest hops pass it)" : ""));
    }

    private Choice keepOrChange(Judge judge, Plan current, Prediction best, boolean meets, double keepWithin, String why) {
        Prediction now = judge.predict(current);
        // The chosen plan is the longest wait that meets, so it sits on the edge: a little slack keeps it
        // there when a delay moves by a millisecond.
        boolean missed = judge.shortfall(now) > keepWithin;
        double keepUnlessBelow = judge.unboundedTail() ? KEEP_UNLESS_BELOW_ON_A_HEAVY_TAIL : KEEP_UNLESS_BELOW;
        boolean cheaper = best.messagesPerSecond() < keepUnlessBelow * now.messagesPerSecond();
        boolean missedBefore = currentMissed;
        boolean cheaperBefore = cheaperFound;
        currentMissed = missed;
        cheaperFound = !missed && cheaper;
        if (!missed && !cheaper) {
            return new Choice(now, meets, false, false, "still within " + judge.target() + " with near the fewest messages");
        }
        // A plan that saves less than half was found at the edge of this window's tail, and may miss at the
        // next; the starting plan was chosen by nothing, and is left at once.
        if (!missed && !cheaperBefore && current.seq() > 0 && COSTLY * best.messagesPerSecond() >= now.messagesPerSecond()) {
            return new Choice(now, meets, false, true, "still within " + judge.target()
                    + "; a plan that saves less than half waits for a second look");
        }
        if (missed && !missedBefore && best.messagesPerSecond() > COSTLY * now.messagesPerSecond()) {
            return new Choice(now, false, false, true, "misses " + judge.target() + " once; a plan " + COSTLY
                    + " times as costly waits for a second miss");
        }
        currentMissed = false;
        cheaperFound = false;
        return new Choice(best, meets, true, false, why);
    }

    /** The plan with the fewest messages among those the judge passes, if any. */
    private Optional<Prediction> cheapest(Judge judge) {
        return new PlanSearch(judge, objective.max().toMillis()).cheapest();
    }

    /**
     * One choice on made-up conditions at the cluster's size, thrown away, run by the hub before the workload
     * while it holds its {@code init_ok}. The first real choice comes in the workload's first second, when the
     * JIT's queue is full of every node's code: there it ran interpreted for 0.8-2.1 s of the hub's CPU-starved
     * start at {@code --rate 1000} (about 0.4 s of CPU a choice interpreted, 0.05 s compiled; docs/benchmarks.md).
     * The delays spread, so that every shape, the star sent twice included, is searched. Returns whether it ran;
     * a failure is logged and the real choice pays for the warm-up.
     */
    static boolean warmUp(BroadcastProperties.Objective objective, TrafficModel traffic, int nodes) {
        try {
            new Planner(objective, traffic).choose(new Conditions(nodes, 100, 10, LongStream.rangeClosed(1, 100).toArray()),
                    new Plan(0, Plan.Shape.STAR, 0, objective.max().toMillis() / 2));
            return true;
        } catch (RuntimeException e) {
            log.warn("The planner's warm-up failed; the first plan will take longer", e);
            return false;
        }
    }

    /**
     * Under the starting star, how far apart at least an origin's sends to the hub are: a value after a quiet spell
     * leaves at once, one that follows another waits for the rest of the interval. Unbatched at {@code --rate 1000},
     * every value was a gossip of its own to a hub whose code was still cold, and its loop fell 0.5-1.6 s behind in the
     * workload's first seconds (real Maelstrom, 12 nodes). Up to {@link #START_ORIGIN_INTERVAL}, within what the
     * objective's maximum (less its margin) leaves after the hub's interval and two of the {@code hop}s the start is
     * planned by: none where that is nothing (at 3d's 100 ms hops), or under any other plan.
     */
    static long startOriginInterval(Plan plan, BroadcastProperties.Objective objective, long hop) {
        if (plan.seq() != 0 || plan.shape() != Plan.Shape.STAR || hop == Long.MAX_VALUE) {
            return 0;
        }
        double spare = (1 - objective.maxMargin()) * objective.max().toMillis() - plan.interval() - 2 * hop;
        return (long) Math.max(0, Math.min(START_ORIGIN_INTERVAL, spare));
    }

    /** The plan as the start runs it, with the spacing of an origin's sends to the hub where it has one. */
    static String describeStart(Plan plan, BroadcastProperties.Objective objective, long hop) {
        long originInterval = startOriginInterval(plan, objective, hop);
        return originInterval == 0 ? plan.describe()
                : plan.describe() + ", an origin's sends to the hub at least " + originInterval + " ms apart";
    }

    /**
     * A node's plan before the hub's first, given the fastest gossip it has had (an origin: from the
     * hub; the hub: a greeting): the starting star, unless two such hops alone pass the objective's
     * maximum (less its margin), when no batching could save the values sent meanwhile, and they go
     * straight to every node. The hub plans only once it has watched a second of traffic, and at such
     * delays the values of that second would make the run's maximum. In a cluster of two every value takes
     * one hop whatever the shape, and straight to the other node it lingers as long as the objective allows:
     * the starting star's origin sends each value alone, and there the first plan can take most of the run
     * (the hub's record fills with one origin's batches: 2 nodes at rate 10, 18 s).
     */
    static Plan beforeTheFirstPlan(Plan start, BroadcastProperties.Objective objective, long fastestHop, int nodes) {
        double maxLimit = (1 - objective.maxMargin()) * objective.max().toMillis();
        if (nodes > 2 && 2 * fastestHop <= maxLimit) {
            return start;
        }
        double medianLimit = (1 - objective.medianMargin()) * objective.median().toMillis();
        long linger = (long) Math.max(0, Math.min(maxLimit, medianLimit) - fastestHop) / PlanSearch.STEP * PlanSearch.STEP;
        return new Plan(0, Plan.Shape.DIRECT, linger, 0);
    }
}
