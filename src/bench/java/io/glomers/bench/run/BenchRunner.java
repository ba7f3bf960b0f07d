package io.glomers.bench.run;

import io.glomers.bench.check.CheckOutcome;
import io.glomers.bench.check.HistoryChecker;
import io.glomers.bench.history.HistoryRecorder;
import io.glomers.bench.history.Op;
import io.glomers.bench.nemesis.Nemeses;
import io.glomers.bench.net.Endpoints;
import io.glomers.bench.net.MessageLog;
import io.glomers.bench.check.NetStats;
import io.glomers.bench.net.Network;
import io.glomers.bench.net.Partitions;
import io.glomers.bench.net.RequestLedger;
import io.glomers.bench.net.Violation;
import io.glomers.bench.nodes.BenchNode;
import io.glomers.bench.nodes.NodeFactory;
import io.glomers.bench.sched.HostCosts;
import io.glomers.bench.sched.HostCpu;
import io.glomers.bench.sched.RealTimeScheduler;
import io.glomers.bench.sched.Scheduler;
import io.glomers.bench.workload.BroadcastGenerator;
import io.glomers.bench.workload.ClientConnection;
import io.glomers.bench.workload.ClientProcess;
import io.glomers.bench.workload.ClusterInit;
import io.glomers.bench.workload.SetupFailure;
import io.glomers.bench.workload.Topologies;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One bench run, Maelstrom's sequence: start every node, init (10 s deadline), topology, the
 * workload under the nemesis for the time limit, heal, recovery wait, one final read per client;
 * then check the history and write the results. Wires the run's parts together; each phase runs on
 * the scheduler. One instance per run.
 */
public final class BenchRunner {

    private final BenchOptions options;
    private final NodeFactory nodeFactory;
    private final HistoryChecker checker;
    private final PrintStream progress;

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final CompletableFuture<Void> crashed = new CompletableFuture<>();
    private final Scheduler scheduler;
    private final RunStore store;
    private final MessageLog journal;
    private final Partitions partitions = new Partitions();
    private final RequestLedger ledger = new RequestLedger();
    private final List<Violation> violations = new ArrayList<>();
    private final HistoryRecorder history;
    private final Random random;
    private final List<String> ids;
    private final Network network;
    private final HostCpu cpu;
    private final Duration interpreterLag;
    private final ClientConnection.Factory clients;
    private final List<ClientProcess> processes = new ArrayList<>();
    private BroadcastGenerator generator;
    private final Map<String, BenchNode> nodesById = new LinkedHashMap<>();
    private ClusterInit clusterInit;
    private Nemeses nemeses;
    private RunObserver observer = RunObserver.NONE;
    private double budgetScale = 1;

    /**
     * A run on the wall clock; {@code progress} gets Maelstrom-style progress lines ("Waiting for
     * recovery..."). Maelstrom's own threads are charged as the simulator charges them ({@link BenchOptions#forRealTime()}).
     */
    public BenchRunner(BenchOptions options, NodeFactory nodeFactory, HistoryChecker checker, PrintStream progress) {
        this(options.forRealTime(), nodeFactory, checker, progress, RealTimeScheduler::new,
                scheduler -> options.forRealTime().hostCosts().cpu(scheduler));
    }

    /**
     * With the host whose CPU Maelstrom's threads use ({@link HostCpu}): the simulator charges CPU
     * costs on virtual time, the real-time bench Maelstrom's share of them on the wall clock.
     */
    public BenchRunner(BenchOptions options, NodeFactory nodeFactory, HistoryChecker checker, PrintStream progress,
                Function<Consumer<Throwable>, Scheduler> schedulers, Function<Scheduler, HostCpu> hosts) {
        this.scheduler = schedulers.apply(crashed::completeExceptionally);
        this.cpu = hosts.apply(scheduler);
        HostCosts costs = options.hostCosts() == null ? HostCosts.NONE : options.hostCosts();
        this.interpreterLag = costs.modelledInterpreterLag();
        this.options = options;
        this.store = new RunStore(options);
        this.journal = new MessageLog(store.journal(), scheduler.nanoTime());
        // Streamed as the run goes: a read carries every value, so a fast run's history is gigabytes.
        this.history = new HistoryRecorder(scheduler, store.history(), op -> observer.recorded(op));
        this.nodeFactory = nodeFactory;
        this.checker = checker;
        this.progress = progress;
        this.random = RunRandom.of(options.seed());
        this.ids = IntStream.range(0, options.nodeCount()).mapToObj(Endpoints::node).toList();
        this.network = Network.on(scheduler).random(random).links(options.latency(), options.netFaults())
                .partitions(partitions).log(journal).protocol(mapper, ledger, violations::add).host(cpu, costs).build();
        this.clients = new ClientConnection.Factory(network, scheduler, ledger);
    }

    /** Watches the run (see {@link RunObserver}); set before {@link #run()}. */
    public BenchRunner observe(RunObserver observer) {
        this.observer = observer;
        return this;
    }

    /**
     * Scales the run's wall-clock budget, a guard against hangs (issue 12): on virtual time a run at
     * a high rate takes far longer in wall time than its simulated time.
     */
    public BenchRunner scaleBudget(double factor) {
        this.budgetScale = factor;
        return this;
    }

    /** Jepsen's set-full checker, as Maelstrom runs it on the broadcast workload. */
    public static HistoryChecker defaultChecker() {
        return HistoryChecker.SET_FULL;
    }

    /** The run, phase by phase: start the nodes, run the phases on the scheduler, stop, check, keep or drop its files. */
    public BenchResult run() throws IOException {
        progress.println("bench: " + options.part() + ", " + options.nodeCount() + " node(s) "
                + (options.inProcess() ? "in-process" : "from " + options.bin()) + ", seed " + options.seed());
        List<BenchNode> created = ids.stream().map(id -> nodeFactory.create(id, store.logs())).toList();
        created.forEach(node -> nodesById.put(node.id(), node));
        RunNodes nodes = new RunNodes(created);
        List<String> benchFailures = new ArrayList<>();
        String setupFailure = null;
        try {
            setupFailure = nodes.unsupported(options.faults());
            if (setupFailure == null) {
                setupFailure = nodes.start(network, scheduler);
            }
            if (setupFailure == null) {
                setupFailure = awaitPhases();
            }
            if (setupFailure != null) {
                setupFailure += nodes.deaths();
            }
        } catch (BenchError e) {
            benchFailures.add("bench failure: " + e.getMessage());
        } finally {
            scheduler.shutdown();
            nodes.closeAll();
            journal.close();
            history.close();
        }
        List<Op> ops = history.ops();
        CheckOutcome outcome = setupFailure == null && benchFailures.isEmpty() ? check(ops, benchFailures) : null;
        List<String> reasons = Verdict.reasons(benchFailures, setupFailure, violations, outcome);
        BenchResult result = new BenchResult(options, store.keeps(reasons.isEmpty()), ops,
                journal.counts(NetStats.clientOps(ops)), outcome, List.copyOf(violations), setupFailure, reasons);
        store.finish(result, history.file(), progress);
        return result;
    }

    /** The checker's verdict; a checker that cannot finish (out of memory on a huge run) is a bench failure, not a crash. */
    private CheckOutcome check(List<Op> ops, List<String> reasons) {
        try {
            return checker.check(ops);
        } catch (OutOfMemoryError e) {
            reasons.add("bench failure: the checker ran out of memory on " + ops.size() + " operations (" + e.getMessage()
                    + "); the history is in " + history.file());
            return null;
        }
    }

    /** Runs the phases on the scheduler and waits for them; returns a setup failure, or null. */
    private String awaitPhases() {
        clusterInit = new ClusterInit(clients, ids, options.initDeadline(), scheduler::nanoTime);
        // The whole chain is built before it starts, and it starts on the scheduler's thread, so every
        // phase is handed to the scheduler by the scheduler's thread as the previous one finishes. Were
        // this thread to fire a stage (a stage that completed before it was chained), on virtual time
        // the phase would land at an arbitrary instant (breaking replay), or wait forever for the
        // monitor of a driver busy running the nemesis.
        CompletableFuture<Void> start = new CompletableFuture<>();
        CompletableFuture<Void> phases = start
                .thenCompose(v -> onScheduler(() -> clusterInit.run()))
                .thenCompose(v -> onScheduler(this::topology))
                .thenCompose(v -> onScheduler(this::mainPhase))
                .thenCompose(v -> onScheduler(this::heal))
                .thenCompose(v -> onScheduler(this::finalReads))
                .whenComplete((v, e) -> observer.finished(scheduler.nanoTime()));
        scheduler.execute(() -> start.complete(null));
        Duration budget = options.initDeadline().plus(options.requestTimeout().multipliedBy(3))
                .plus(options.timeLimit()).plus(options.recoveryWait()).plus(Duration.ofSeconds(30))
                .plus(options.initDeadline()) // restarting killed nodes before the final phase
                .multipliedBy(Math.round(budgetScale * 1000)).dividedBy(1000);
        try {
            CompletableFuture.anyOf(phases, crashed).get(budget.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
            if (cause instanceof SetupFailure failure) {
                return failure.getMessage();
            }
            throw new BenchError("the bench itself failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new BenchError("the run did not finish within " + budget.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchError("interrupted", e);
        }
    }

    /** Each workload client's setup, one client process per node: the suggested topology to its node. */
    private CompletableFuture<Void> topology() {
        JsonNode topology = mapper.valueToTree(Topologies.build(options.topology(), ids));
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        for (int thread = 0; thread < ids.size(); thread++) {
            ClientProcess process = new ClientProcess(clients, history, ids.get(thread), thread, ids.size(),
                    options.requestTimeout());
            processes.add(process);
            answers.add(process.setUp(topology));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> mainPhase() {
        history.startClock();
        journal.note(scheduler.nanoTime(), "the workload starts: history time 0");
        observer.workloadStarted(scheduler.nanoTime());
        progress.println("bench: running the workload for " + options.timeLimit().toMillis() / 1000.0 + " s");
        generator = new BroadcastGenerator(scheduler, random, processes, options.rate(), options.timeLimit(),
                cpu.worker(), interpreterLag);
        nemeses = Nemeses.start(options.faults(), options.nemesisInterval(), options.faultPlan(), options.timeLimit(),
                scheduler, random, partitions, history, ids, nodesById, this::initAgain, generator::nemesisOperationIssued);
        options.changes().scheduleFrom(scheduler, options.timeLimit(), options.latency().distribution(), network, generator, journal);
        return generator.runMainPhase();
    }

    /** Init for restarted nodes; a late answer ends the run at once, as a late first init does. */
    private CompletableFuture<Void> initAgain(List<String> restarted) {
        CompletableFuture<Void> initialised = clusterInit.initAgain(restarted);
        initialised.whenComplete((v, e) -> {
            if (e != null) {
                crashed.completeExceptionally(e instanceof CompletionException c ? c.getCause() : e);
            }
        });
        return initialised;
    }

    /**
     * Maelstrom's final nemesis phase, for every nemesis on: heal partitions, resume paused nodes,
     * restart killed ones and wait for their init_ok; then the recovery wait.
     */
    private CompletableFuture<Void> heal() {
        CompletableFuture<Void> restarted = nemeses.stop();
        return restarted.thenCompose(v -> {
            // Convergence is timed from here: partitions healed, paused nodes resumed, killed ones back.
            observer.healed(scheduler.nanoTime(), history::ops);
            progress.println("bench: Waiting for recovery... (" + options.recoveryWait().toMillis() + " ms)");
            CompletableFuture<Void> waited = new CompletableFuture<>();
            scheduler.schedule(options.recoveryWait(), () -> waited.complete(null));
            return waited;
        });
    }

    private CompletableFuture<Void> finalReads() {
        return generator.runFinalReads();
    }

    /** Runs {@code step} on the scheduler; the result completes when the step's own future does. */
    private CompletableFuture<Void> onScheduler(Supplier<CompletableFuture<Void>> step) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        scheduler.execute(() -> step.get().whenComplete((v, e) -> {
            if (e != null) {
                result.completeExceptionally(e instanceof CompletionException c ? c.getCause() : e);
            } else {
                result.complete(null);
            }
        }));
        return result;
    }

    /** The bench failed (not the node): a bug or an environment problem. */
    static final class BenchError extends RuntimeException {
        BenchError(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
