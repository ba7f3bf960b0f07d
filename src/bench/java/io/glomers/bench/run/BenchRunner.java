package io.glomers.bench.run;

import io.glomers.bench.check.CheckOutcome;
import io.glomers.bench.check.HistoryChecker;
import io.glomers.bench.check.SetFullHistoryChecker;
import io.glomers.bench.history.HistoryRecorder;
import io.glomers.bench.history.Op;
import io.glomers.bench.nemesis.Fault;
import io.glomers.bench.nemesis.Nemeses;
import io.glomers.bench.net.Endpoints;
import io.glomers.bench.net.Journal;
import io.glomers.bench.net.Message;
import io.glomers.bench.check.NetStats;
import io.glomers.bench.net.Network;
import io.glomers.bench.net.Partitions;
import io.glomers.bench.net.ProtocolValidator;
import io.glomers.bench.net.RequestLedger;
import io.glomers.bench.net.Violation;
import io.glomers.bench.nodes.BenchNode;
import io.glomers.bench.nodes.NodeFactory;
import io.glomers.bench.sched.HostCosts;
import io.glomers.bench.sched.HostCpu;
import io.glomers.bench.sched.RealTimeScheduler;
import io.glomers.bench.sched.Scheduler;
import io.glomers.bench.view.AfterRun;
import io.glomers.bench.workload.BroadcastGenerator;
import io.glomers.bench.workload.ClientConnection;
import io.glomers.bench.workload.ClientProcess;
import io.glomers.bench.workload.ClusterInit;
import io.glomers.bench.workload.SetupFailure;
import io.glomers.bench.workload.Topologies;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS");

    private final BenchOptions options;
    private final NodeFactory nodeFactory;
    private final HistoryChecker checker;
    private final PrintStream progress;

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final CompletableFuture<Void> crashed = new CompletableFuture<>();
    private final Scheduler scheduler;
    private final Path dir;
    private final Journal journal;
    private final Partitions partitions = new Partitions();
    private final RequestLedger ledger = new RequestLedger();
    private final List<Violation> violations = new ArrayList<>();
    private final HistoryRecorder history;
    private final Random random;
    private final List<String> ids;
    private final Network network;
    private final HostCpu cpu;
    private final ClientConnection.Factory clients;
    private final List<ClientProcess> processes = new ArrayList<>();
    private BroadcastGenerator generator;
    private final Map<String, BenchNode> nodesById = new LinkedHashMap<>();
    private ClusterInit clusterInit;
    private Nemeses nemeses;
    // Swarm additions (issue 8): which runs are written, and an observer of the heal.
    // Streamed to a temporary file until the verdict, when the policy keeps failed runs only (issue 12).
    private final Path heldJournal;
    private RunObserver observer = RunObserver.NONE;
    private double budgetScale = 1;

    /** {@code progress} gets Maelstrom-style progress lines ("Waiting for recovery..."). */
    public BenchRunner(BenchOptions options, NodeFactory nodeFactory, HistoryChecker checker, PrintStream progress) {
        this(options, nodeFactory, checker, progress, RealTimeScheduler::new);
    }

    /**
     * With a scheduler of the caller's choice (the seam for virtual time); the factory gets the
     * handler for a task that throws, which ends the run as a bench failure.
     */
    public BenchRunner(BenchOptions options, NodeFactory nodeFactory, HistoryChecker checker, PrintStream progress,
                Function<Consumer<Throwable>, Scheduler> schedulers) {
        this(options, nodeFactory, checker, progress, schedulers, scheduler -> HostCpu.unlimited());
    }

    /**
     * With the host whose CPU Maelstrom's threads use ({@link HostCpu}): the simulator charges CPU
     * costs on virtual time, the real-time bench pays the machine's (unlimited).
     */
    public BenchRunner(BenchOptions options, NodeFactory nodeFactory, HistoryChecker checker, PrintStream progress,
                Function<Consumer<Throwable>, Scheduler> schedulers, Function<Scheduler, HostCpu> hosts) {
        this.scheduler = schedulers.apply(crashed::completeExceptionally);
        this.cpu = hosts.apply(scheduler);
        HostCosts costs = options.hostCosts() == null ? HostCosts.NONE : options.hostCosts();
        this.options = options;
        this.dir = options.store().resolve(options.part()).resolve(STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)));
        boolean storeAll = options.storeRuns() == StorePolicy.ALL;
        try {
            // Process nodes write their logs under the run's directory, so it exists whatever the policy.
            if (storeAll || !options.inProcess()) {
                Files.createDirectories(dir.resolve("node-logs"));
            }
            this.heldJournal = options.storeRuns() == StorePolicy.FAILED ? Files.createTempFile("bench-messages", ".log") : null;
            Writer journalOut = storeAll ? Files.newBufferedWriter(dir.resolve("messages.log"))
                    : heldJournal != null ? Files.newBufferedWriter(heldJournal) : Writer.nullWriter();
            this.journal = new Journal(journalOut, scheduler.nanoTime());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's files under " + dir, e);
        }
        // Streamed as the run goes: a read carries every value, so a fast run's history is gigabytes.
        this.history = new HistoryRecorder(scheduler, storeAll ? dir.resolve("history.edn") : null,
                op -> observer.recorded(op));
        this.nodeFactory = nodeFactory;
        this.checker = checker;
        this.progress = progress;
        this.random = new Random(scrambled(options.seed()));
        this.ids = IntStream.range(0, options.nodeCount()).mapToObj(Endpoints::node).toList();
        this.network = new Network(scheduler, random, options.latency(), partitions, journal,
                new ProtocolValidator(mapper), ledger, mapper, violations::add, options.netFaults(), cpu, costs);
        this.clients = new ClientConnection.Factory(network, scheduler, ledger);
    }

    /** Watches the run (see {@link RunObserver}); set before {@link #run()}. */
    public BenchRunner observe(RunObserver observer) {
        this.observer = observer;
        return this;
    }

    /**
     * The seed through SplitMix64's finaliser: {@code java.util.Random} seeded with 1, 2, 3, ...
     * gives nearly the same first draws (its first outputs depend on high bits that consecutive
     * seeds barely change), so a swarm of consecutive seeds would start every nemesis at the same
     * moment.
     */
    static long scrambled(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
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
        return new SetFullHistoryChecker();
    }

    public BenchResult run() throws IOException {
        Path logs = dir.resolve("node-logs");
        progress.println("bench: " + options.part() + ", " + options.nodeCount() + " node(s) "
                + (options.inProcess() ? "in-process" : "from " + options.bin()) + ", seed " + options.seed());
        List<BenchNode> nodes = ids.stream().map(id -> nodeFactory.create(id, logs)).toList();
        nodes.forEach(node -> nodesById.put(node.id(), node));
        List<String> reasons = new ArrayList<>();
        String setupFailure = null;
        try {
            setupFailure = unsupportedFaults(nodes);
            if (setupFailure == null) {
                setupFailure = startNodes(nodes);
            }
            if (setupFailure == null) {
                setupFailure = awaitPhases();
            }
            if (setupFailure != null) {
                setupFailure += deaths(nodes);
            }
        } catch (BenchError e) {
            reasons.add("bench failure: " + e.getMessage());
        } finally {
            scheduler.shutdown();
            closeAll(nodes);
            journal.close();
            history.close();
        }
        List<Op> ops = history.ops();
        CheckOutcome outcome = setupFailure == null && reasons.isEmpty() ? check(ops, reasons) : null;
        if (setupFailure != null) {
            reasons.add(setupFailure);
        }
        if (!violations.isEmpty()) {
            reasons.add("protocol violation: " + violations.get(0)
                    + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        }
        if (outcome != null && !outcome.valid()) {
            List<Long> lost = outcome.lost();
            reasons.add("lost " + lost.size() + " value(s): " + lost.subList(0, Math.min(10, lost.size()))
                    + (lost.size() > 10 ? "..." : ""));
        }
        NetStats net = journal.counts(NetStats.clientOps(ops));
        boolean keep = options.storeRuns().keeps(reasons.isEmpty());
        BenchResult result = new BenchResult(options, keep ? dir : null, ops, net, outcome,
                List.copyOf(violations), setupFailure, List.copyOf(reasons));
        if (keep) {
            Files.createDirectories(dir.resolve("node-logs"));
            if (heldJournal != null) {
                Files.move(heldJournal, dir.resolve("messages.log"));
            }
            write(dir, result);
            AfterRun.picturesAndLink(options.store(), dir, progress);
        } else if (heldJournal != null) {
            Files.deleteIfExists(heldJournal);
        }
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

    /** Starts every node at once, each output line handed to the network on the scheduler; null when all started. */
    private String startNodes(List<BenchNode> nodes) {
        for (BenchNode node : nodes) {
            network.attachNode(node.id(), node::deliver);
        }
        for (BenchNode node : nodes) {
            String id = node.id();
            try {
                node.start(line -> scheduler.execute(() -> network.fromNode(id, line)));
            } catch (Exception e) {
                return id + " could not be started: " + e;
            }
        }
        return null;
    }

    /** Kill and pause need a process (or a simulated node); in-process nodes share this JVM. */
    private String unsupportedFaults(List<BenchNode> nodes) {
        boolean wanted = options.faults().contains(Fault.KILL) || options.faults().contains(Fault.PAUSE);
        if (wanted && !nodes.stream().allMatch(BenchNode::supportsProcessFaults)) {
            return "--nemesis kill and pause need process mode (--bin) or the simulator:"
                    + " in-process nodes share the bench's JVM and cannot be killed or stopped";
        }
        return null;
    }

    /** Nodes that died, for a setup failure's message: a launcher that cannot start is the usual cause. */
    private static String deaths(List<BenchNode> nodes) {
        List<String> dead = nodes.stream().filter(node -> node.deathCause() != null)
                .map(node -> node.id() + " " + node.deathCause()).toList();
        return dead.isEmpty() ? "" : " [" + String.join("; ", dead) + "]";
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

    /** Each workload client's setup: the suggested topology to its node (Maelstrom's client setup!). */
    private CompletableFuture<Void> topology() {
        JsonNode topology = mapper.valueToTree(Topologies.build(options.topology(), ids));
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        for (int thread = 0; thread < ids.size(); thread++) {
            ClientProcess process = new ClientProcess(clients, history, ids.get(thread), thread, ids.size(),
                    options.requestTimeout());
            processes.add(process);
            CompletableFuture<Void> answered = new CompletableFuture<>();
            process.sendTopology(topology, reply -> settleTopology(answered, process.node(), reply));
            answers.add(answered);
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new));
    }

    private void settleTopology(CompletableFuture<Void> answered, String node, Message reply) {
        if (reply == null) {
            answered.completeExceptionally(new SetupFailure(node + " did not answer topology within "
                    + options.requestTimeout().toMillis() + " ms"));
        } else if (!"topology_ok".equals(reply.type())) {
            answered.completeExceptionally(new SetupFailure(node + " answered topology with " + reply.line()));
        } else {
            answered.complete(null);
        }
    }

    private CompletableFuture<Void> mainPhase() {
        history.startClock();
        journal.note(scheduler.nanoTime(), "the workload starts: history time 0");
        observer.workloadStarted(scheduler.nanoTime());
        progress.println("bench: running the workload for " + options.timeLimit().toMillis() / 1000.0 + " s");
        generator = new BroadcastGenerator(scheduler, random, processes, options.rate(), options.timeLimit(),
                cpu.worker());
        nemeses = Nemeses.start(options.faults(), options.nemesisInterval(), options.faultPlan(), options.timeLimit(),
                scheduler, random, partitions, history, ids, nodesById, this::initAgain);
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

    /** Stops the nodes in parallel: a process node may take a moment to exit. */
    private static void closeAll(List<BenchNode> nodes) {
        List<Thread> closers = nodes.stream().map(node -> new Thread(node::close, "close-" + node.id())).toList();
        closers.forEach(Thread::start);
        for (Thread closer : closers) {
            try {
                closer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void write(Path dir, BenchResult result) throws IOException {
        Files.writeString(dir.resolve("results.edn"), ResultsReport.resultsEdn(result));
        // history.edn was streamed there as the run went (store policy all), or is copied from its temporary file.
        Path streamed = history.file();
        if (!streamed.equals(dir.resolve("history.edn"))) {
            Files.copy(streamed, dir.resolve("history.edn"));
        }
    }

    /** The bench failed (not the node): a bug or an environment problem. */
    static final class BenchError extends RuntimeException {
        BenchError(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
