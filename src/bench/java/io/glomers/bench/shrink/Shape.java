package io.glomers.bench.shrink;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.nemesis.Fault;
import io.glomers.bench.nemesis.FaultPlan;
import io.glomers.bench.net.LatencyModel.Distribution;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the shrinker makes smaller in a run's arguments: the cluster, the workload, the faults and
 * the network. Written back as bench arguments, every value explicit; options it does not shrink
 * ({@code rest}, e.g. --topology) are kept as given.
 *
 * @param plan     the faults as a fixed schedule, or null while they are still the nemeses' own
 *                 ({@code nemeses} every {@code intervalMillis})
 */
record Shape(String part, int nodes, long timeLimitMillis, double rate, long latencyMillis, Distribution distribution,
             FaultPlan plan, Set<Fault> nemeses, long intervalMillis, double duplicate, double reorder,
             long reorderWindowMillis, double spike, long spikeMillis, List<String> rest) {

    /** The options a shape writes itself; any other option of the original run is kept as it was. */
    private static final Set<String> OWN = Set.of("--node-count", "--time-limit", "--rate", "--latency",
            "--latency-dist", "--nemesis", "--nemesis-interval", "--faults", "--duplicate-probability",
            "--reorder-probability", "--reorder-window", "--delay-spike-probability", "--delay-spike", "--seed",
            "--store", "--store-runs");

    static Shape of(BenchOptions options, List<String> args) {
        List<String> rest = new ArrayList<>();
        int from = !args.isEmpty() && !args.get(0).startsWith("-") ? 1 : 0;
        for (int i = from; i < args.size(); i++) {
            if (OWN.contains(args.get(i))) {
                i++;
            } else {
                rest.add(args.get(i));
            }
        }
        var net = options.netFaults();
        return new Shape(options.part(), options.nodeCount(), options.timeLimit().toMillis(), options.rate(),
                options.latency().meanMillis(), options.latency().distribution(), options.faultPlan(), options.faults(),
                options.nemesisInterval().toMillis(), net.duplicateProbability(), net.reorderProbability(),
                net.reorderWindow().toMillis(), net.delaySpikeProbability(), net.delaySpike().toMillis(), List.copyOf(rest));
    }

    List<String> args() {
        List<String> args = new ArrayList<>();
        if (!part.equals("custom")) {
            args.add(part);
        }
        add(args, "--node-count", Integer.toString(nodes));
        add(args, "--time-limit", seconds(timeLimitMillis));
        add(args, "--rate", plain(rate));
        add(args, "--latency", Long.toString(latencyMillis));
        if (latencyMillis > 0 && distribution != Distribution.CONSTANT) {
            add(args, "--latency-dist", distribution.name().toLowerCase(Locale.ROOT));
        }
        if (plan != null) {
            add(args, plan.isEmpty() ? "--nemesis" : "--faults", plan.toString());
        } else {
            add(args, "--nemesis", nemeses.isEmpty() ? "none"
                    : nemeses.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(",")));
            if (!nemeses.isEmpty()) {
                add(args, "--nemesis-interval", seconds(intervalMillis));
            }
        }
        if (duplicate > 0) {
            add(args, "--duplicate-probability", plain(duplicate));
        }
        if (reorder > 0) {
            add(args, "--reorder-probability", plain(reorder));
            add(args, "--reorder-window", Long.toString(reorderWindowMillis));
        }
        if (spike > 0) {
            add(args, "--delay-spike-probability", plain(spike));
            add(args, "--delay-spike", Long.toString(spikeMillis));
        }
        args.addAll(rest);
        return args;
    }

    /** Faults still drawn by the nemeses count as many as the nemeses on; a plan, its events. */
    int faultEvents() {
        return plan != null ? plan.events().size() : nemeses.size();
    }

    Shape withNodes(int count) {
        return new Shape(part, count, timeLimitMillis, rate, latencyMillis, distribution,
                plan == null ? null : plan.forNodes(count), nemeses, intervalMillis, duplicate, reorder,
                reorderWindowMillis, spike, spikeMillis, rest);
    }

    /** Fewer nodes, a kill or pause of a node beyond them aimed at one of them instead ({@link FaultPlan#foldedOnto}). */
    Shape withNodesFolded(int count) {
        return withNodes(count).withPlan(plan.foldedOnto(count));
    }

    Shape withTimeLimit(long millis) {
        return new Shape(part, nodes, millis, rate, latencyMillis, distribution,
                plan == null ? null : plan.within(millis), nemeses, intervalMillis, duplicate, reorder,
                reorderWindowMillis, spike, spikeMillis, rest);
    }

    Shape withRate(double perSecond) {
        return new Shape(part, nodes, timeLimitMillis, perSecond, latencyMillis, distribution, plan, nemeses,
                intervalMillis, duplicate, reorder, reorderWindowMillis, spike, spikeMillis, rest);
    }

    Shape withLatency(long millis, Distribution shape) {
        return new Shape(part, nodes, timeLimitMillis, rate, millis, shape, plan, nemeses, intervalMillis, duplicate,
                reorder, reorderWindowMillis, spike, spikeMillis, rest);
    }

    Shape withPlan(FaultPlan faults) {
        return new Shape(part, nodes, timeLimitMillis, rate, latencyMillis, distribution, faults, faults.kinds(),
                intervalMillis, duplicate, reorder, reorderWindowMillis, spike, spikeMillis, rest);
    }

    Shape withNemeses(Set<Fault> kinds) {
        return new Shape(part, nodes, timeLimitMillis, rate, latencyMillis, distribution, null, kinds, intervalMillis,
                duplicate, reorder, reorderWindowMillis, spike, spikeMillis, rest);
    }

    Shape withNetFaults(double duplicateProbability, double reorderProbability, double spikeProbability) {
        return new Shape(part, nodes, timeLimitMillis, rate, latencyMillis, distribution, plan, nemeses,
                intervalMillis, duplicateProbability, reorderProbability, reorderWindowMillis, spikeProbability,
                spikeMillis, rest);
    }

    /** One line for the progress: nodes, seconds, rate, faults. */
    String brief() {
        String faults = faultEvents() == 0 ? "no faults"
                : faultEvents() + (plan != null ? " fault event(s)" : " nemesis(es) on their drawn schedule");
        return nodes + " nodes, " + seconds(timeLimitMillis) + " s, rate " + plain(rate) + ", latency " + latencyMillis
                + " ms, " + faults;
    }

    private static void add(List<String> args, String option, String value) {
        args.add(option);
        args.add(value);
    }

    static String seconds(long millis) {
        return plain(millis / 1000.0);
    }

    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
