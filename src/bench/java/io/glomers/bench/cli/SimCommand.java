package io.glomers.bench.cli;

import io.glomers.bench.console.CompactSummary;
import io.glomers.bench.console.OpTally;
import io.glomers.bench.console.StatusLine;
import io.glomers.bench.console.Terminal;
import io.glomers.bench.options.Choices;
import io.glomers.bench.options.Part;
import io.glomers.bench.options.RunArguments;
import io.glomers.bench.options.RunOptions;
import io.glomers.bench.options.Values;
import io.glomers.bench.plant.Plant;
import io.glomers.bench.run.ResultsReport;
import io.glomers.bench.shrink.ShrinkReport;
import io.glomers.bench.shrink.Shrinker;
import io.glomers.bench.sim.SimRun;
import io.glomers.bench.sim.Swarm;
import io.glomers.bench.sim.SwarmProgress;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code bin/challenge sim [PART] [options]}: the swarm, N seeds on virtual time in this JVM, each with the
 * part and faults its seed draws ({@link Swarm#draw}, swarm testing) unless run options fix them. Prints
 * how many were valid, the worst convergence after the final heal and a {@code replay:} command per
 * failure; with {@code --runs 1}, the run's compact summary. Only failed runs are stored, under store/sim.
 */
@Command(sortOptions = false, usageHelpAutoWidth = true, abbreviateSynopsis = true,
        description = {"The swarm: N seeded runs on virtual time in this JVM, each replayable bit for bit with"
                + " --runs 1 --seed S. Without PART or run options each seed draws its own part, nemeses, latency and"
                + " network faults (printed on its line); with them, every run uses them."})
final class SimCommand implements Callable<Integer> {

    /** The options that belong to the swarm, not to the runs it makes. */
    private static final Set<String> SWARM_OPTIONS = Set.of("--seed", "--runs", "--profile", "--node-property",
            "--plant", "--shrink", "--shrink-budget", "--verbose", "--help", "--jobs");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PART", converter = Choices.PartName.class,
            description = "a part whose arguments every run starts from: 3a, 3b, 3c, 3d or 3e")
    Part part;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "20", converter = Values.RunCount.class,
            description = "seeds S..S+N-1 (1 to 1000000; default ${DEFAULT-VALUE}); --runs 1 prints the run's summary")
    int runs;

    // No picocli default from the environment: picocli converts defaults even for --help, so a bad
    // SPRING_PROFILES_ACTIVE refused `sim --help`, blaming a --profile nobody gave (profile(), instead).
    @Option(names = "--jobs", paramLabel = "N", converter = Values.Jobs.class,
            description = "runs at once, each on a thread of its own (default: one per core); the runs, their results and"
                    + " the order they are printed in do not change, only the wall time")
    Integer jobs;

    @Option(names = "--profile", paramLabel = "P", converter = Choices.Profile.class,
            description = "the node's Spring profile, e.g. balanced, fast, lean (default $SPRING_PROFILES_ACTIVE, else none)")
    String profile;

    @Option(names = "--node-property", paramLabel = "NAME=VALUE", converter = Choices.NodeProperty.class,
            description = "a node property override, e.g. broadcast.retransmit-timeout=1000ms (repeatable)")
    List<String> nodeProperties = new ArrayList<>();

    @Option(names = "--plant", paramLabel = "NAME", defaultValue = "none", converter = Choices.PlantName.class,
            description = "run every node with a known bug planted by the simulator, to see the swarm catch it;"
                    + " --plant list names them (default none)")
    String plant;

    @Option(names = "--shrink", description = "when a run fails, search for the smallest run that fails the same way"
            + " and print it as one replay: command with the operations that show the failure; it is stored with its"
            + " pictures under store/sim/shrunk")
    boolean shrink;

    @Option(names = "--shrink-budget", paramLabel = "SECONDS", defaultValue = "300", converter = Values.PositiveSeconds.class,
            description = "how long the search may take (above 0, at most a day); then the smallest failure so far is kept (default ${DEFAULT-VALUE})")
    Duration shrinkBudget;

    @Option(names = "--verbose", description = "with --runs 1: print the run's results.edn whole")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        if (plant.equals("list")) {
            Plant.defects().forEach(defect -> System.out.printf("%-18s %s%n", defect.id(), defect.description()));
            return 0;
        }
        refuseArgumentsThatDoNotApply();
        String nodeProfile = profile();
        PrintStream err = System.err;
        StatusLine status = new StatusLine(err, Terminal.fromSystem());
        // Run lines go to stdout above the status line, which counts the runs on stderr.
        PrintStream out = status.interactive() ? status.above(System.out) : System.out;
        System.setOut(status.interactive() ? status.above(err) : err);
        // Thousands of nodes start and stop in a swarm; their INFO lines would bury the verdicts.
        if (System.getProperty("logging.level.io.glomers") == null) {
            System.setProperty("logging.level.io.glomers", "WARN");
        }
        long base = run.seed() != null ? run.seed() : Math.floorMod(new SecureRandom().nextLong(), 1_000_000_000L);
        out.println("sim: seed " + base + (runs > 1 ? " (runs " + base + ".." + (base + runs - 1) + ")" : ""));
        Plant planted = wireNodes(nodeProfile, out);
        Swarm swarm = new Swarm(nodeProfile, List.copyOf(nodeProperties), runArguments(), planted);
        SwarmProgress progress = new SwarmProgress(runs, status, System::nanoTime);
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        Swarm.Report report = swarm.run(runs, base, threads, out, result -> {
            progress.ran(result);
            if (runs == 1 && verbose) {
                out.print(ResultsReport.resultsEdn(result.bench()));
            } else if (runs == 1) {
                CompactSummary.lines(result.bench(), OpTally.of(result.bench().history()),
                        "simulated, seed " + result.bench().options().seed()).forEach(out::println);
            }
        });
        status.clear();
        out.println(report.summary());
        report.replays().forEach(replay -> out.println("replay: " + replay));
        if (shrink && report.failed() > 0) {
            shrinkFirstFailure(swarm, report.failedSeeds().get(0), status, out);
        }
        out.flush();
        return report.failed() == 0 ? 0 : 1;
    }

    private void refuseArgumentsThatDoNotApply() {
        if (run.bin() != null || run.inProcess()) {
            throw new ParameterException(spec.commandLine(), "--bin and --in-process do not apply to the simulator:"
                    + " it runs our node in this JVM on virtual time");
        }
        PartCommand.refuseFaultsWithNemesis(spec);
        try {
            // Each run parses its own arguments; a contradiction among them (a --faults plan naming a node the
            // cluster does not have) is refused here, once, as a bad argument.
            RunArguments.parse(runArguments(), 0);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /**
     * The one Spring Boot context per profile that wires every simulated node, timed on its own so
     * that a cold first run's wall time shows the simulation apart from the start-up; says what was planted.
     */
    private Plant wireNodes(String nodeProfile, PrintStream out) {
        long booting = System.nanoTime();
        Plant planted = Plant.named(plant).orElseThrow();
        SimRun.nodes(nodeProfile, nodeProperties, planted);
        out.printf("sim: node wiring (one Spring Boot context) %d ms%n", (System.nanoTime() - booting) / 1_000_000);
        if (planted != Plant.NONE) {
            out.println("sim: planted in every node: " + planted.id() + ", " + planted.description());
        }
        return planted;
    }

    /** The profile given, else SPRING_PROFILES_ACTIVE's, checked as a given one is and refused naming where it came from. */
    private String profile() {
        if (profile != null) {
            return profile;
        }
        String environment = System.getenv().getOrDefault("SPRING_PROFILES_ACTIVE", "");
        try {
            return new Choices.Profile().convert(environment);
        } catch (TypeConversionException e) {
            throw new ParameterException(spec.commandLine(), "SPRING_PROFILES_ACTIVE, the default of --profile: "
                    + e.getMessage());
        }
    }

    private void shrinkFirstFailure(Swarm swarm, long seed, StatusLine status, PrintStream out) throws Exception {
        out.println("shrink: seed " + seed + ", for at most " + shrinkBudget.toSeconds() + " s");
        Shrinker shrinker = new Shrinker(shrinkBudget, System::nanoTime, status::show);
        Shrinker.Result shrunk = shrinker.shrink(swarm.runCase(seed), Files.createDirectories(Path.of("store", "sim", "shrunk")));
        status.clear();
        ShrinkReport.lines(shrunk).forEach(out::println);
    }

    /** The part and run options given, in the words the swarm hands each run (its seed is the swarm's). */
    List<String> runArguments() {
        List<String> args = new ArrayList<>();
        if (part != null) {
            args.add(part.id());
        }
        ParseResult parsed = spec.commandLine().getParseResult();
        // A repeated option is matched once per time it is given.
        for (OptionSpec option : parsed.matchedOptions().stream().distinct().toList()) {
            if (SWARM_OPTIONS.contains(option.longestName())) {
                continue;
            }
            if (option.arity().max() == 0) {
                args.add(option.longestName());
                continue;
            }
            List<String> values = parsed.matchedOption(option.longestName()).originalStringValues();
            // A repeated option keeps only its last value, as when the run parses it, unless it takes them all.
            for (String value : option.isMultiValue() ? values : values.subList(values.size() - 1, values.size())) {
                args.add(option.longestName());
                args.add(value);
            }
        }
        return args;
    }
}
