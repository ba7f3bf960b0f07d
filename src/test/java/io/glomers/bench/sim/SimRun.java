package io.glomers.bench.sim;

import io.glomers.bench.BenchOptions;
import io.glomers.bench.BenchResult;
import io.glomers.bench.BenchRunner;
import io.glomers.bench.HistoryChecker;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

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
        List<String> withSeed = new ArrayList<>(args);
        withSeed.add("--seed");
        withSeed.add(Long.toString(seed));
        BenchOptions options = BenchOptions.parse(withSeed, seed);
        VirtualScheduler scheduler = new VirtualScheduler();
        SimNodeFactory nodes = new SimNodeFactory(profile);
        PrintStream progress = quiet ? new PrintStream(OutputStream.nullOutputStream()) : System.err;
        return new BenchRunner(options, SimBenchNode.factory(nodes, scheduler, seed), checker, progress,
                scheduler::onFailure).run();
    }
}
