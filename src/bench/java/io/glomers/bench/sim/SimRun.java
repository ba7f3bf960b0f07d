package io.glomers.bench.sim;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.run.BenchResult;
import io.glomers.bench.run.BenchRunner;
import io.glomers.bench.check.HistoryChecker;
import io.glomers.bench.run.RunObserver;
import io.glomers.bench.options.RunArguments;
import io.glomers.bench.history.Op;
import io.glomers.bench.nodes.NodeFactory;
import io.glomers.bench.plant.Plant;
import io.glomers.bench.sched.HostCosts;
import io.glomers.bench.sched.HostCpu;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One whole bench run on virtual time: the bench's own runner, network, workload, nemesis and
 * checker, with the real node beans as the nodes. The same seed gives the same history.
 */
public final class SimRun {

    /** Runs started in this JVM: each journals apart from the others ({@link SimNodeFactory#forRun}). */
    private static final AtomicLong RUNS = new AtomicLong();

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
     * The node as the launcher starts it, acknowledgement journal on (kills would otherwise lose what
     * a node acknowledged but had not passed on), unless the overrides say otherwise. The journal's
     * run id is this JVM, so the node wiring is built once; nodes end normally at the end of a run,
     * which removes their files before the next run starts.
     */
    static List<String> asLaunched(List<String> overrides) {
        if (overrides.stream().anyMatch(override -> override.startsWith("broadcast.journal."))) {
            return overrides;
        }
        List<String> launched = new ArrayList<>(overrides);
        launched.add("broadcast.journal.enabled=true");
        launched.add("broadcast.journal.dir=" + Path.of(System.getProperty("java.io.tmpdir"), "broadcast-sim-journal"));
        launched.add("broadcast.journal.run-id=sim-" + ProcessHandle.current().pid());
        return launched;
    }

    /**
     * The node wiring a run with these settings uses; built once per JVM and settings (one Spring
     * Boot context), so a caller may build it ahead to time the start-up apart from the runs.
     */
    public static SimNodeFactory nodes(String profile, List<String> overrides, Plant plant) {
        List<String> properties = new ArrayList<>(overrides);
        properties.addAll(plant.overrides());
        return new SimNodeFactory(profile, asLaunched(properties).toArray(String[]::new));
    }

    public static SimResult simulate(List<String> args, long seed, String profile, List<String> overrides,
                                     HistoryChecker checker, boolean quiet) throws IOException {
        return simulate(args, seed, profile, overrides, Plant.NONE, checker, quiet);
    }

    /** As above, with a planted defect ({@link Plant}): its node properties are added to {@code overrides}. */
    public static SimResult simulate(List<String> args, long seed, String profile, List<String> overrides, Plant plant,
                                     HistoryChecker checker, boolean quiet) throws IOException {
        long started = System.nanoTime();
        List<String> withSeed = new ArrayList<>(args);
        withSeed.add("--seed");
        withSeed.add(Long.toString(seed));
        BenchOptions options = RunArguments.parse(withSeed, seed);
        VirtualScheduler scheduler = new VirtualScheduler("seed-" + seed);
        SimNodeFactory nodes = nodes(profile, overrides, plant);
        List<SimBenchNode> created = new ArrayList<>();
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
        // Every message of a run costs wall time here, so the hang guard scales with the request rate.
        BenchResult result = runner(options, nodes, scheduler, created::add, checker, progress, plant).observe(observer)
                .scaleBudget(Math.max(1, options.rate() / 100)).run();
        return new SimResult(result, probe.convergence(), System.nanoTime() - started);
    }

    /**
     * A bench run on {@code scheduler}'s virtual time with the simulated host ({@link HostCosts}:
     * the options' {@code --cpu-*}, or {@link HostCosts#SIMULATED}); each node is handed to
     * {@code created} as the run starts it.
     */
    public static BenchRunner runner(BenchOptions options, SimNodeFactory nodes, VirtualScheduler scheduler,
                                     Consumer<SimBenchNode> created, HistoryChecker checker, PrintStream progress) {
        return runner(options, nodes, scheduler, created, checker, progress, Plant.NONE);
    }

    private static BenchRunner runner(BenchOptions options, SimNodeFactory nodes, VirtualScheduler scheduler,
                                      Consumer<SimBenchNode> created, HistoryChecker checker, PrintStream progress,
                                      Plant plant) {
        BenchOptions simulated = options.hostCosts() != null ? options : options.withHostCosts(HostCosts.SIMULATED);
        HostCpu cpu = simulated.hostCosts().cpu(scheduler);
        NodeFactory factory = SimBenchNode.factory(nodes.forRun(Long.toString(RUNS.incrementAndGet())), scheduler, simulated.seed(), cpu,
                simulated.hostCosts(), plant);
        NodeFactory recording = (id, logs) -> {
            SimBenchNode node = (SimBenchNode) factory.create(id, logs);
            created.accept(node);
            return node;
        };
        return new BenchRunner(simulated, recording, checker, progress, scheduler::onFailure, ignored -> cpu);
    }
}
