package io.glomers.bench.sim;

import io.glomers.bench.BenchOptions;
import io.glomers.bench.console.CompactSummary;
import io.glomers.bench.console.OpTally;
import io.glomers.bench.console.StatusLine;
import io.glomers.bench.console.Terminal;
import io.glomers.bench.report.ResultsReport;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The swarm: {@code bin/challenge sim [--runs N] [--seed S] [--profile P] [--node-property name=value]...
 * [bench options]}. Runs N seeds on virtual time, each with the part and faults its seed draws
 * ({@link Swarm#draw}, swarm testing) unless bench options fix them, and prints how many were valid,
 * the worst convergence after the final heal, and the command that replays each failure (the seed
 * and the arguments it drew). Only failed runs are written under store/sim. With
 * {@code --runs 1} it also prints the run's compact summary ({@code --verbose}: its results.edn). On a
 * terminal a status line counts the runs as they go. The base seed is always printed.
 */
public final class SimMain {

    static final String USAGE = """
            usage: challenge sim [--runs N] [--seed S] [--profile P] [--node-property name=value]... [PART options]
              --runs N                  seeds S..S+N-1 (default 20); --runs 1 prints the run's summary
              --verbose                 with --runs 1: print the run's results.edn whole
              --seed S                  the first seed (default: random, printed)
              --profile P               the node's Spring profile (default $SPRING_PROFILES_ACTIVE)
              --node-property n=v       a node property override, e.g. broadcast.retransmit-timeout=1000d
              PART options              fix the bench arguments (default: each seed draws its own part,
                                        nemeses, latency and network faults, printed on its line)
            """;

    private SimMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream err = System.err;
        StatusLine status = new StatusLine(err, Terminal.fromSystem());
        // Run lines go to stdout above the status line, which counts the runs on stderr.
        PrintStream out = status.interactive() ? status.above(System.out) : System.out;
        System.setOut(status.interactive() ? status.above(err) : err);
        // Thousands of nodes start and stop in a swarm; their INFO lines would bury the verdicts.
        if (System.getProperty("logging.level.io.glomers") == null) {
            System.setProperty("logging.level.io.glomers", "WARN");
        }
        int runs = 20;
        Long seed = null;
        String profile = System.getenv().getOrDefault("SPRING_PROFILES_ACTIVE", "");
        List<String> overrides = new ArrayList<>();
        List<String> benchArgs = new ArrayList<>();
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--profile" -> profile = args[++i];
                case "--node-property" -> overrides.add(args[++i]);
                case "--verbose" -> verbose = true;
                case "--help", "-h" -> {
                    out.print(USAGE);
                    out.print(BenchOptions.USAGE);
                    return;
                }
                default -> benchArgs.add(args[i]);
            }
        }
        long base = seed != null ? seed : Math.floorMod(new SecureRandom().nextLong(), 1_000_000_000L);
        out.println("sim: seed " + base + (runs > 1 ? " (runs " + base + ".." + (base + runs - 1) + ")" : ""));
        // The one Spring Boot context per profile that wires every simulated node, timed on its own
        // so that a cold first run's wall time shows the simulation apart from the start-up.
        long booting = System.nanoTime();
        new SimNodeFactory(profile, overrides.toArray(String[]::new));
        out.printf("sim: node wiring (one Spring Boot context) %d ms%n", (System.nanoTime() - booting) / 1_000_000);
        Swarm swarm = new Swarm(profile, List.copyOf(overrides), List.copyOf(benchArgs));
        boolean single = runs == 1;
        boolean whole = verbose;
        SwarmProgress progress = new SwarmProgress(runs, status, System::nanoTime);
        Swarm.Report report = swarm.run(runs, base, out,
                result -> {
                    progress.ran(result);
                    if (single && whole) {
                        out.print(ResultsReport.resultsEdn(result.bench()));
                    } else if (single) {
                        CompactSummary.lines(result.bench(), OpTally.of(result.bench().history()),
                                "simulated, seed " + result.bench().options().seed()).forEach(out::println);
                    }
                });
        status.clear();
        out.println(report.summary());
        report.replays().forEach(replay -> out.println("replay: " + replay));
        out.flush();
        System.exit(report.failed() == 0 ? 0 : 1);
    }
}
