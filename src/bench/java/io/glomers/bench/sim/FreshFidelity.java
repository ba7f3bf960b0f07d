package io.glomers.bench.sim;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.run.BenchResult;
import io.glomers.bench.run.BenchRunner;
import io.glomers.bench.options.RunArguments;
import io.glomers.bench.maelstrom.MaelstromCommand;
import io.glomers.bench.maelstrom.MaelstromLocator;
import io.glomers.bench.maelstrom.MaelstromProcess;
import io.glomers.bench.nodes.ChildProcesses;
import io.glomers.bench.nodes.ProcessNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The bench against fresh real Maelstrom runs ({@code FidelityReport --fresh}): each argument set runs
 * through real Maelstrom, the real-time bench (process nodes through {@code bin/broadcast-node}, as
 * {@code bin/challenge} runs them) and the simulator (mean of N seeds), and the figures are printed side
 * by side as a Markdown table, with the simulator's and the real-time bench's misses of the tolerances of
 * {@link Fidelity}. With {@code realRuns} above 1, Maelstrom and the real-time bench each run that many
 * times and their figures are means, as the simulator's are over its seeds: a maximum set by one or two
 * rare events (latency 0) or a median set by one run's partition schedule is not a figure one run can
 * compare. The node runs with its defaults (or {@code SPRING_PROFILES_ACTIVE}, which reaches all
 * three). Runs are kept under {@code target/fidelity/}; with {@code --reuse} a set's runs kept there count
 * toward {@code realRuns}, and only the rest run.
 */
final class FreshFidelity {

    /**
     * Argument sets beyond the stored references: node counts 5-25, latency 0-200 ms, the three
     * distributions, rates 10-300, partitions. Each is long enough, and busy enough, that the figures
     * compared are not one run's luck (the simulator's spread over 8 seeds is 1-3 % for every figure
     * but the partition set's, docs/bench.md): at rate 10 for 20 s a latency-0 run has one to six stale
     * values and its maximum is whichever came last, and a partition run's median follows where its
     * few partitions fell. The partition set therefore runs many short partitions (interval 0.3 s).
     * Where the adaptive node changes plans on a heavy tail (the partition set, 25 nodes exponential)
     * Maelstrom's own runs spread by 10-18 % in messages per operation, so those want six runs
     * ({@code --real-runs 6}; the table names a figure real runs do not repeat within its tolerance). At
     * rate 10 and 5 nodes about half the values are missed by no read, so that set's median is a knee
     * (0 to 54 ms over sixteen real runs, their mean known to ± 4.5 ms) and its stale share is the
     * figure to compare; the rate-20 set and the second rate-10 set (10 nodes, 200 ms: three values in
     * four stale) are low rates whose median is not a knee.
     */
    static final List<String> DEFAULT_SETS = List.of(
            "--node-count 5 --time-limit 30 --rate 100",
            "--node-count 10 --time-limit 30 --rate 150 --latency 20 --latency-dist uniform",
            "--node-count 15 --time-limit 20 --rate 300 --latency 50",
            "--node-count 10 --time-limit 20 --rate 100 --latency 100 --latency-dist exponential",
            "--node-count 15 --time-limit 20 --rate 30 --latency 200",
            "--node-count 10 --time-limit 60 --rate 50 --latency 100 --latency-dist exponential --nemesis partition --nemesis-interval 0.3",
            "--node-count 25 --time-limit 20 --rate 100 --latency 100 --latency-dist exponential",
            "--node-count 5 --time-limit 60 --rate 10 --latency 100",
            "--node-count 10 --time-limit 40 --rate 20 --latency 150",
            "--node-count 10 --time-limit 60 --rate 10 --latency 200");

    private static final Path RUNS = Path.of("target", "fidelity");
    /** The file in a set's directory that names the arguments and the number of the runs the last report kept. */
    private static final String KEPT = "kept-runs";

    private FreshFidelity() {
    }

    /** The simulator's side: seeds {@code first} to {@code first + seeds - 1}, with {@code options} added to each run. */
    record Simulation(long first, int seeds, List<String> options) {
    }

    static boolean report(List<String> sets, Simulation simulation, int realRuns, boolean reuse, PrintStream out)
            throws Exception {
        Path maelstrom = MaelstromLocator.ofThisProcess().find()
                .orElseThrow(() -> new IllegalStateException(MaelstromLocator.ofThisProcess().whereLooked()));
        Path bin = Path.of("bin", "broadcast-node").toAbsolutePath();
        return report(sets, simulation, out, RUNS, (set, dir) -> {
            Runs earlier = reuse ? keptHere(dir, String.join(" ", set), realRuns) : new Runs(List.of(), List.of());
            Files.deleteIfExists(dir.resolve(KEPT));
            List<RunFigures> reals = new ArrayList<>(earlier.maelstrom());
            List<RunFigures> benches = new ArrayList<>(earlier.realTime());
            for (int run = reals.size() + 1; run <= realRuns; run++) {
                Path runDir = dir.resolve("run-" + run);
                reals.add(maelstrom(maelstrom, bin, set, runDir));
                benches.add(RunFigures.of(realTime(bin, set, runDir, run)));
            }
            // Which of the runs kept here are this report's: an earlier one may have run more of them.
            Files.writeString(dir.resolve(KEPT), String.join(" ", set) + "\n" + realRuns + "\n");
            return new Runs(reals, benches);
        });
    }

    /**
     * With {@code --reuse}: the first {@code atMost} runs this set's own place keeps from an earlier report, so
     * that more runs can be added to a set without running again the ones it has.
     */
    static Runs keptHere(Path place, String arguments, int atMost) throws IOException {
        List<String> kept = keptFile(place);
        if (!keeps(kept, arguments)) {
            return new Runs(List.of(), List.of());
        }
        return read(place, Math.min(atMost, Integer.parseInt(kept.get(1))));
    }

    /** A place's {@link #KEPT} file: the arguments and the number of runs, or nothing where no report kept runs. */
    private static List<String> keptFile(Path place) throws IOException {
        Path file = place.resolve(KEPT);
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /** Whether a {@link #KEPT} file names runs of {@code arguments}. */
    private static boolean keeps(List<String> kept, String arguments) {
        return kept.size() == 2 && arguments.equals(kept.get(0));
    }

    /** The first {@code count} runs kept in {@code dir}. */
    private static Runs read(Path dir, int count) throws IOException {
        List<RunFigures> reals = new ArrayList<>();
        List<RunFigures> benches = new ArrayList<>();
        for (int run = 1; run <= count; run++) {
            Path runDir = runDir(dir, run);
            reals.add(RunFigures.ofMaelstromRun(runDir.resolve("maelstrom").resolve("store").resolve("latest")));
            benches.add(RunFigures.ofMaelstromRun(runDir.resolve("bench").resolve("latest")));
        }
        return new Runs(reals, benches);
    }

    /** Run {@code run} of a place: {@code run-N}, or the place itself for a lone run kept before 2026-12-05. */
    private static Path runDir(Path dir, int run) {
        Path numbered = dir.resolve("run-" + run);
        return run == 1 && !Files.isDirectory(numbered) ? dir : numbered;
    }

    /**
     * The runs a previous {@link #report} kept under {@code target/fidelity/}, judged again against a
     * simulator that changed since: only the simulator runs.
     */
    static boolean reportKept(List<String> sets, Simulation simulation, PrintStream out) throws Exception {
        return reportKept(sets, simulation, out, RUNS);
    }

    /** {@link #reportKept} with the runs kept under {@code runs}. */
    static boolean reportKept(List<String> sets, Simulation simulation, PrintStream out, Path runs) throws Exception {
        return report(sets, simulation, out, runs, (set, place) -> {
            Kept keptRuns = kept(runs, place, String.join(" ", set));
            return read(keptRuns.dir(), keptRuns.count());
        });
    }

    /**
     * Where a fresh report keeps a set's runs: a directory named by its arguments, so that a report of
     * other sets, or of the same sets in another order, leaves them alone (reports before 2026-12-04
     * numbered the places by position, and a report of one set overwrote the first set's runs).
     */
    static Path placeOf(Path runs, List<String> set) {
        return runs.resolve(String.join(" ", set).replace("--", "").trim().replaceAll("\\s+", "_"));
    }

    /**
     * Where the runs of {@code arguments} are kept, and how many: the set's own place, else any place
     * under {@code runs} that keeps them (a place of an earlier report, numbered by position).
     */
    private static Kept kept(Path runs, Path place, String arguments) throws IOException {
        List<Path> places = new ArrayList<>(List.of(place));
        if (Files.isDirectory(runs)) {
            try (Stream<Path> listed = Files.list(runs)) {
                listed.filter(other -> !other.equals(place)).sorted().forEach(places::add);
            }
        }
        List<String> keptElsewhere = new ArrayList<>();
        for (Path candidate : places) {
            List<String> kept = keptFile(candidate);
            if (keeps(kept, arguments)) {
                return new Kept(candidate, Integer.parseInt(kept.get(1)));
            }
            if (!kept.isEmpty()) {
                keptElsewhere.add(kept.get(0));
            }
        }
        throw new IllegalStateException(runs + " keeps no runs of " + arguments
                + (keptElsewhere.isEmpty() ? "" : " (its runs are of " + String.join("; ", keptElsewhere) + ")")
                + ": run --fresh with these sets first");
    }

    /** A set's kept runs: where, and how many ({@code run-1} to {@code run-N}). */
    private record Kept(Path dir, int count) {
    }

    /** A set's real and real-time runs. */
    record Runs(List<RunFigures> maelstrom, List<RunFigures> realTime) {
    }

    /** Where a set's real and real-time runs come from: run now, or read back. */
    private interface RunSource {
        Runs runs(List<String> set, Path dir) throws Exception;
    }

    private static boolean report(List<String> sets, Simulation simulation, PrintStream out, Path runs, RunSource source)
            throws Exception {
        String profile = System.getenv().getOrDefault("SPRING_PROFILES_ACTIVE", "");
        out.println("| arguments | run by | ops | servers msgs-per-op | stable median / max | stale share | client median (broadcast, read) | off tolerance |");
        out.println("|---|---|---|---|---|---|---|---|");
        boolean held = true;
        for (int i = 0; i < sets.size(); i++) {
            List<String> args = Arrays.asList(sets.get(i).trim().split("\\s+"));
            Runs kept = source.runs(args, placeOf(runs, args));
            RunFigures real = RunFigures.mean(kept.maelstrom());
            RunFigures bench = RunFigures.mean(kept.realTime());
            List<RunFigures> simulated = new ArrayList<>();
            for (long seed = simulation.first(); seed < simulation.first() + simulation.seeds(); seed++) {
                simulated.add(RunFigures.of(SimRun.run(simulated(args, simulation.options()), seed, profile,
                        BenchRunner.defaultChecker(), true)));
            }
            RunFigures sim = RunFigures.mean(simulated);
            List<String> simMisses = Fidelity.misses(sim, real);
            held &= simMisses.isEmpty();
            String times = kept.maelstrom().size() == 1 ? "" : " (" + kept.maelstrom().size() + " runs)";
            List<String> spreads = Fidelity.wideSpreads(kept.maelstrom());
            out.println(row("`" + sets.get(i).trim() + "`", "Maelstrom" + times, real,
                    spreads.isEmpty() ? "" : "its own runs spread wider than the tolerance: " + String.join("; ", spreads)));
            out.println(row("", "real-time bench" + times, bench, judged(Fidelity.misses(bench, real))));
            out.println(row("", "simulator (" + simulation.seeds() + " seeds)", sim, judged(simMisses)));
            out.flush();
        }
        return held;
    }

    private static RunFigures maelstrom(Path maelstrom, Path bin, List<String> args, Path dir) throws Exception {
        Path work = Files.createDirectories(dir.resolve("maelstrom"));
        List<String> command = MaelstromCommand.of(maelstrom, bin, RunArguments.parse(args, 0));
        MaelstromProcess process = MaelstromProcess.start(command, work, work.resolve("maelstrom.log"));
        int exit = process.await(10, TimeUnit.MINUTES);
        Path run = process.runDir().orElseThrow(() -> new IllegalStateException("Maelstrom (exit status " + exit
                + ") wrote no run for " + args + ": " + process.trouble()));
        return RunFigures.ofMaelstromRun(run);
    }

    /** One real-time bench run; each of a set's runs has a seed of its own, so that its random choices (partitions) differ as Maelstrom's do. */
    private static BenchResult realTime(Path bin, List<String> args, Path dir, long seed) throws IOException {
        List<String> stored = new ArrayList<>(args);
        stored.addAll(List.of("--store", dir.resolve("bench").toString()));
        BenchOptions options = RunArguments.parse(stored, seed);
        try {
            return new BenchRunner(options, ProcessNode.factory(bin, List.of(), !options.killsOrPausesNodes()), BenchRunner.defaultChecker(),
                    new PrintStream(OutputStream.nullOutputStream())).run();
        } finally {
            ChildProcesses.killAll();
        }
    }

    private static List<String> simulated(List<String> args, List<String> options) {
        List<String> out = new ArrayList<>(args);
        out.addAll(options);
        out.addAll(List.of("--store-runs", "none"));
        return out;
    }

    private static String judged(List<String> misses) {
        return misses.isEmpty() ? "none" : String.join("; ", misses);
    }

    private static String row(String arguments, String runBy, RunFigures f, String offTolerance) {
        return String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %d / %d ms | %.1f %% | %.1f ms (%.1f, %.1f) | %s |", arguments, runBy,
                f.operations(), f.serversMsgsPerOp(), f.stableMedian(), f.stableMax(), 100 * f.staleShare(), f.clientMedian(),
                f.broadcastMedian(), f.readMedian(), offTolerance);
    }
}
