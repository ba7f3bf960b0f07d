package io.glomers.broadcast;

import io.glomers.testing.ShippedConfig;
import java.util.Arrays;

/**
 * How long the adaptive hub takes to choose a plan for part 3d's cluster (25 nodes, 50 values a second),
 * on a constant 100 ms network, where a second copy to the hub never arrives first and the planner skips
 * the star sent twice, beside the same network with every other delay 101 ms, where it searches that shape
 * too. Ratios within one run (docs/benchmarks.md); not a test, so a busy machine cannot make the suite flaky.
 *
 * <pre>java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.glomers.broadcast.PlannerBenchmark</pre>
 */
public final class PlannerBenchmark {

    private static final int CHOICES = 20;

    private PlannerBenchmark() {
    }

    public static void main(String[] args) {
        BroadcastProperties.Objective objective = ShippedConfig.broadcast().objective();
        long[] constant = Delays.constant(100);
        long[] jittered = constant.clone();
        for (int i = 0; i < jittered.length; i += 2) {
            jittered[i] = 101;
        }
        Plan start = new Plan(0, Plan.Shape.STAR, 0, 250);
        for (int round = 1; round <= 3; round++) {
            double skipped = millisPerChoice(objective, new Conditions(25, 50, 2, constant), start);
            double searched = millisPerChoice(objective, new Conditions(25, 50, 2, jittered), start);
            System.out.printf("round %d: constant 100 ms %.1f ms a choice, 100/101 ms %.1f ms a choice, ratio %.2f%n",
                    round, skipped, searched, skipped / searched);
        }
    }

    private static double millisPerChoice(BroadcastProperties.Objective objective, Conditions conditions, Plan current) {
        long started = System.nanoTime();
        for (int i = 0; i < CHOICES; i++) {
            new Planner(objective, new TrafficModel(1)).choose(conditions, current);
        }
        return (System.nanoTime() - started) / 1e6 / CHOICES;
    }
}
