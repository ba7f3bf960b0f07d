package io.glomers.broadcast;

import io.glomers.bench.options.MainArguments;
import io.glomers.testing.ShippedConfig;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What the hub's model ({@link DeliveryModel}) predicts for a few plans on an exponential network, a
 * table with a column per record of 512 delays the hub might hold: to set the model's predictions beside
 * simulated or real runs of the same plans (docs/benchmarks.md). Arguments: nodes, mean delay in ms
 * (with a {@code c} after it, e.g. {@code 300c}: every delay that long, one record), records (default 3),
 * new values a second in the cluster (default 50), reads a second a node (default 4).
 *
 * <pre>java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.glomers.broadcast.PlanPredictions 15 80</pre>
 */
public final class PlanPredictions {

    private static final List<Plan> PLANS = List.of(
            new Plan(0, Plan.Shape.STAR, 0, 90), // the balanced profile
            new Plan(0, Plan.Shape.STAR, 0, 250), // the starting star
            new Plan(0, Plan.Shape.STAR_TWICE, 0, 265),
            new Plan(0, Plan.Shape.DIRECT, 0, 0),
            new Plan(0, Plan.Shape.DIRECT, 100, 0),
            new Plan(0, Plan.Shape.DIRECT, 240, 0),
            new Plan(0, Plan.Shape.DIRECT, 300, 0),
            new Plan(0, Plan.Shape.BOTH, 0, 0));

    private static final String USAGE = "usage: PlanPredictions NODES MEAN_MS[c] [RECORDS [VALUES_PER_S [READS_PER_S]]]";

    private PlanPredictions() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 5) {
            MainArguments.refuse("PlanPredictions", USAGE);
            return;
        }
        try {
            boolean constant = args[1].endsWith("c");
            print(Integer.parseInt(args[0]), Double.parseDouble(constant ? args[1].substring(0, args[1].length() - 1) : args[1]),
                    constant, constant ? 1 : args.length > 2 ? Integer.parseInt(args[2]) : 3,
                    args.length > 3 ? Double.parseDouble(args[3]) : 50, args.length > 4 ? Double.parseDouble(args[4]) : 4);
        } catch (IllegalArgumentException e) { // a number that does not parse, or conditions that cannot be
            MainArguments.refuse("PlanPredictions", e.getMessage() + "; " + USAGE);
        }
    }

    private static void print(int nodes, double mean, boolean constant, int records, double values, double reads) {
        double maxQuantile = Judge.maxQuantile(ShippedConfig.broadcast().objective(), values);
        String[] rows = new String[PLANS.size()];
        for (int p = 0; p < rows.length; p++) {
            rows[p] = "| " + PLANS.get(p).describe() + " |";
        }
        for (int record = 1; record <= records; record++) {
            Conditions conditions = new Conditions(nodes, values, reads,
                    constant ? Delays.constant(Math.round(mean)) : Delays.exponential(mean, record));
            DeliveryModel model = new DeliveryModel(conditions);
            for (int p = 0; p < rows.length; p++) {
                Plan plan = PLANS.get(p);
                double[] latencies = model.latencies(plan, TrafficModel.rates(plan, conditions));
                rows[p] += String.format(" %.0f / %.0f |", Judge.quantile(latencies, 0.5),
                        Judge.quantile(latencies, maxQuantile));
            }
        }
        System.out.printf("%d nodes, %s delays of mean %.0f ms, %.1f values/s, %.1f reads/s a node;"
                + " each plan's predicted median / maximum in ms%n", nodes, constant ? "constant" : "exponential", mean, values, reads);
        System.out.println("| plan |" + " record %d |".repeat(records).formatted(
                IntStream.rangeClosed(1, records).boxed().toArray()));
        System.out.println("|---|" + "---|".repeat(records));
        for (String row : rows) {
            System.out.println(row);
        }
    }
}
