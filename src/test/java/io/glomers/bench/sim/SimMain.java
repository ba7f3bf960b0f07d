package io.glomers.bench.sim;

import io.glomers.bench.BenchResult;
import io.glomers.bench.BenchRunner;
import io.glomers.bench.report.ResultsReport;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The swarm: {@code bin/challenge sim [--runs N] [--seed S] [--profile P] [bench options]}. Runs N
 * seeds on virtual time, cycling through the parts and fault mixes below unless bench options pick
 * one, and prints how many were valid and the command that replays each failure. With
 * {@code --runs 1 --seed S} it replays one run and prints its results in full.
 */
public final class SimMain {

    /** What the swarm cycles through: the challenge's multi-node parts, with and without faults. */
    static final List<List<String>> MIX = List.of(
            List.of("3b"),
            List.of("3c"),
            List.of("3d", "--nemesis", "partition"),
            List.of("3e", "--nemesis", "partition", "--latency-dist", "exponential"),
            List.of("3c", "--nemesis-interval", "3"),
            List.of("3d"));

    private SimMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        System.setOut(System.err);
        int runs = 20;
        Long seed = null;
        String profile = "";
        List<String> benchArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--profile" -> profile = args[++i];
                default -> benchArgs.add(args[i]);
            }
        }
        long base = seed != null ? seed : Math.floorMod(new SecureRandom().nextLong(), 1_000_000_000L);
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            long runSeed = base + i;
            List<String> runArgs = benchArgs.isEmpty() ? MIX.get((int) Math.floorMod(runSeed, (long) MIX.size())) : benchArgs;
            List<String> withStore = new ArrayList<>(runArgs);
            withStore.addAll(List.of("--store", "store/sim"));
            long runStarted = System.nanoTime();
            BenchResult result = SimRun.run(withStore, runSeed, profile, BenchRunner.defaultChecker(), runs > 1);
            long wallMillis = (System.nanoTime() - runStarted) / 1_000_000;
            if (runs == 1) {
                out.print(ResultsReport.resultsEdn(result));
            }
            out.printf("%-5s %s (%d ms wall)%n", result.valid() ? "ok" : "FAIL", ResultsReport.summary(result), wallMillis);
            if (!result.valid()) {
                failures.add("bin/challenge sim --runs 1 --seed " + runSeed
                        + (profile.isBlank() ? "" : " --profile " + profile) + " " + String.join(" ", runArgs)
                        + "   # " + String.join("; ", result.reasons()));
            }
        }
        out.printf("sim: %d runs from seed %d, %d valid, %d failed, %.1f s%n", runs, base, runs - failures.size(),
                failures.size(), (System.nanoTime() - started) / 1e9);
        failures.forEach(failure -> out.println("replay: " + failure));
        out.flush();
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
