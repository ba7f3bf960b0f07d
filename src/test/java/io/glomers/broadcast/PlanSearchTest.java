package io.glomers.broadcast;

import static io.glomers.broadcast.Delays.constant;
import static io.glomers.broadcast.Delays.exponential;
import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.testing.ShippedConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The search skips what cannot be the answer (families and waits that cost more than a plan found, the rest of
 * a prediction once too many values are late), and so must choose what searching every family in turn, each
 * plan predicted whole, chooses: the planner as it was before it skipped anything, kept here as the reference.
 */
class PlanSearchTest {

    private static final BroadcastProperties.Objective OBJECTIVE = ShippedConfig.broadcast().objective();
    private static final long[] LINGERS = {0, 25, 50, 100, 150, 200, 300, 400};

    static Stream<Arguments> networks() {
        List<Arguments> networks = new ArrayList<>();
        for (int nodes : new int[] {3, 5, 10, 25}) {
            networks.add(Arguments.of(new Conditions(nodes, 50, 2, constant(100)), null));
            networks.add(Arguments.of(new Conditions(nodes, 10, 2, constant(250)), new Plan(1, Plan.Shape.DIRECT, 0, 0)));
            networks.add(Arguments.of(new Conditions(nodes, 100, 20, exponential(50)), new Plan(1, Plan.Shape.STAR, 0, 90)));
            networks.add(Arguments.of(new Conditions(nodes, 50, 2, exponential(150, nodes)), null));
            networks.add(Arguments.of(new Conditions(nodes, 500, 100, constant(400)), null));
        }
        return networks.stream();
    }

    @ParameterizedTest
    @MethodSource("networks")
    void choosesWhatSearchingEveryPlanWholeChooses(Conditions conditions, Plan inForce) {
        for (double scale : new double[] {1, 1.5}) {
            Judge judge = Judge.of(OBJECTIVE, new TrafficModel(1), conditions, inForce).scaledBy(scale);
            Judge reference = Judge.of(OBJECTIVE, new TrafficModel(1), conditions, inForce).scaledBy(scale);

            Optional<Planner.Prediction> searched = new PlanSearch(judge, OBJECTIVE.max().toMillis()).cheapest();

            assertThat(searched).as("at %.1f times the limits", scale).isEqualTo(everyPlanWhole(reference));
        }
    }

    @ParameterizedTest
    @MethodSource("networks")
    void aPlanMeetsWhereItsWholePredictionMeets(Conditions conditions, Plan inForce) {
        Judge judge = Judge.of(OBJECTIVE, new TrafficModel(1), conditions, inForce);
        Judge whole = Judge.of(OBJECTIVE, new TrafficModel(1), conditions, inForce);
        for (Plan.Shape shape : Plan.Shape.values()) {
            for (long wait = 0; wait <= 600; wait += 100) {
                Plan plan = new Plan(0, shape, wait / 2, wait);
                Planner.Prediction predicted = whole.predict(plan);
                Optional<Planner.Prediction> meets = judge.ifMeets(plan);
                assertThat(meets).as("%s", plan).isEqualTo(whole.meets(predicted) ? Optional.of(predicted) : Optional.empty());
                // Asked once more, a plan that missed is not taken for a whole prediction that met.
                assertThat(judge.ifMeets(plan)).isEqualTo(meets);
                assertThat(judge.predict(plan)).isEqualTo(predicted);
            }
        }
    }

    /** The search before it skipped anything: every family in turn, from the longest wait down, each plan predicted whole. */
    private static Optional<Planner.Prediction> everyPlanWhole(Judge judge) {
        List<Planner.Prediction> meeting = new ArrayList<>();
        for (Plan.Shape star : judge.model().secondCopyHelps() ? List.of(Plan.Shape.STAR, Plan.Shape.STAR_TWICE)
                : List.of(Plan.Shape.STAR)) {
            for (long linger : LINGERS) {
                longest(judge, interval -> new Plan(0, star, linger, interval)).ifPresent(meeting::add);
            }
        }
        longest(judge, linger -> new Plan(0, Plan.Shape.DIRECT, linger, 0)).ifPresent(meeting::add);
        if (meeting.isEmpty()) {
            for (long linger : LINGERS) {
                longest(judge, interval -> new Plan(0, Plan.Shape.BOTH, linger, interval)).ifPresent(meeting::add);
            }
        }
        return meeting.stream().min(Comparator.comparingDouble(Planner.Prediction::messagesPerSecond)
                .thenComparingDouble(Planner.Prediction::max));
    }

    private static Optional<Planner.Prediction> longest(Judge judge, LongFunction<Plan> withWait) {
        long ceiling = OBJECTIVE.max().toMillis();
        for (long wait = ceiling / 50 * 50; wait >= 0; wait -= 50) {
            Planner.Prediction found = judge.predict(withWait.apply(wait));
            if (judge.meets(found)) {
                long good = wait;
                long bad = Math.min(ceiling + PlanSearch.STEP, wait + 50);
                while (bad - good > PlanSearch.STEP && (good + bad) / 2 / PlanSearch.STEP * PlanSearch.STEP > good) {
                    long mid = (good + bad) / 2 / PlanSearch.STEP * PlanSearch.STEP;
                    Planner.Prediction candidate = judge.predict(withWait.apply(mid));
                    if (judge.meets(candidate)) {
                        good = mid;
                        found = candidate;
                    } else {
                        bad = mid;
                    }
                }
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }
}
