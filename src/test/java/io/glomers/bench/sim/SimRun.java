package io.glomers.bench.sim;

import io.glomers.bench.BenchOptions;
import io.glomers.bench.BenchResult;
import io.glomers.bench.BenchRunner;
import io.glomers.bench.HistoryChecker;
import io.glomers.bench.RunObserver;
import io.glomers.bench.history.Op;
import io.glomers.bench.nodes.NodeFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One whole bench run on virtual time: the bench's own runner, network, workload, nemesis and
 * checker, with the real node beans as the nodes. The same seed gives the same history.
 */
public final class SimRun {

    private SimRun() {
    }

    /**
     * @param args    the bench's arguments ({@code 3d --nemesis partition ...}); {@code --seed} is added
     * @param profile the node's Spring profile (blank for the defaults)
     */
    public static BenchResult run(List<String> args, long seed, String profile, HistoryChecker checker, boolean quiet)
            throws IOException {
        return simulate(args, seed, profile, List.of(), checker, quiet).bench();
    }

    /**
     * @param overrides node properties, {@code name=value} (e.g. a deliberately broken dissemination)
     */
    public static SimResult simulate(List<String> args, long seed, String profile, List<String> overrides,
                                     HistoryChecker checker, boolean quiet) throws IOException {
        long started = System.nanoTime();
        List<String> withSeed = new ArrayList<>(args);
        withSeed.add("--seed");
        withSeed.add(Long.toString(seed));
        BenchOptions options = BenchOptions.parse(withSeed, seed);
        VirtualScheduler scheduler = new VirtualScheduler();
        SimNodeFactory nodes = new SimNodeFactory(profile, overrides.toArray(String[]::new));
        List<SimBenchNode> created = new ArrayList<>();
        NodeFactory simulated = SimBenchNode.factory(nodes, scheduler, seed);
        NodeFactory recording = (id, logs) -> {
            var node = simulated.create(id, logs);
            created.add((SimBenchNode) node);
            return node;
        };
        ConvergenceProbe probe = new ConvergenceProbe(scheduler, created, options.recoveryWait());
        PrintStream progress = quiet ? new PrintStream(OutputStream.nullOutputStream()) : System.err;
        RunObserver observer = new RunObserver() {
            @Override
            public void healed(long nanoTime, Supplier<List<Op>> history) {
                probe.healed(nanoTime, history);
            }

            @Override
            public void finished(long nanoTime) {
                scheduler.halt();
            }
        };
        BenchResult result = new BenchRunner(options, recording, checker, progress, scheduler::onFailure)
                .observe(observer).run();
        return new SimResult(result, probe.convergence(), System.nanoTime() - started);
    }
}
