package io.glomers.bench.maelstrom;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.run.BenchResult;
import io.glomers.bench.console.CompactSummary;
import io.glomers.bench.console.OpTally;
import io.glomers.bench.console.SetupAdvice;
import io.glomers.bench.console.StatusLine;
import io.glomers.bench.console.Terminal;
import io.glomers.bench.run.ResultsReport;
import io.glomers.bench.view.LatestLink;
import io.glomers.bench.view.RunFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code bin/challenge PART} when real Maelstrom is installed. Runs {@code maelstrom test -w broadcast} with
 * the part's arguments, moves Maelstrom's run folder into the bench's store ({@code <store>/<part>/<time>}, {@code <store>/latest} pointing at it), and prints the same
 * compact summary and targets line as after a bench run, from Maelstrom's own {@code results.edn}. Exit
 * status: 0 for a run Maelstrom calls valid, 1 otherwise, 3 when Maelstrom could not be run (bad
 * arguments are refused before, by the command line).
 */
public final class MaelstromRun {

    private static final long PROGRESS_EVERY_MILLIS = 5_000;
    /** Maelstrom's folder names, less the zone (the bench's run folders are named the same way). */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS");
    private static final String MAELSTROM_LOG = "maelstrom.log";

    private MaelstromRun() {
    }

    /**
     * Runs {@code command} ({@link MaelstromCommand#of}) and prints the summary on stdout; {@code ignored}
     * are the bench's own options given, each named on stderr; {@code ourNode}: the node is this project's.
     * Returns the exit status.
     */
    public static int run(List<String> command, BenchOptions options, List<String> ignored, boolean verbose,
            boolean ourNode) throws IOException, InterruptedException {
        PrintStream out = System.out;
        System.setOut(System.err);
        ignored.forEach(a -> System.err.println("challenge: " + a + " ignored under real Maelstrom (a bench option)"));
        System.err.println("challenge: real Maelstrom: " + String.join(" ", command.subList(1, command.size())));
        int status = run(options, command, out, verbose, ourNode);
        out.flush();
        return status;
    }

    private static int run(BenchOptions options, List<String> command, PrintStream out, boolean verbose,
            boolean ourNode) throws IOException, InterruptedException {
        Path store = options.store();
        Path work = Files.createDirectories(store).resolve(".maelstrom-" + ProcessHandle.current().pid());
        Path log = Files.createDirectories(work).resolve(MAELSTROM_LOG);
        MaelstromProcess maelstrom;
        try {
            maelstrom = MaelstromProcess.start(command, work, log);
        } catch (IOException e) {
            deleteTree(work);
            System.err.println("challenge: cannot run Maelstrom (" + command.get(0) + "): " + e.getMessage());
            return 3;
        }
        SetupAdvice.Machine before = SetupAdvice.Machine.now();
        int exit = awaitWithProgress(maelstrom, options.part());
        Path run = keep(maelstrom, store, options.part(), log);
        deleteTree(work);
        if (!Files.exists(run.resolve(RunFiles.RESULTS))) {
            out.println(options.part() + " INVALID: real Maelstrom ended (exit status " + exit + ") without results");
            maelstrom.trouble().forEach(line -> out.println("  why          " + line));
            out.println("  log          " + run.resolve(MAELSTROM_LOG));
            String why = String.join("; ", maelstrom.trouble());
            if (SetupAdvice.missedInit(why)) {
                SetupAdvice.lines(why, before, SetupAdvice.Machine.now(), options.nodeCount(), true, ourNode)
                        .forEach(out::println);
            }
            return 1;
        }
        BenchResult result = MaelstromRunReader.read(run, options);
        if (verbose) {
            out.print(Files.readString(run.resolve(RunFiles.RESULTS)));
            String targets = ResultsReport.targets(result);
            if (targets != null) {
                out.println(targets);
            }
        } else {
            CompactSummary.lines(result, OpTally.of(result.history()), "under real Maelstrom").forEach(out::println);
        }
        return result.valid() ? 0 : 1;
    }

    private static int awaitWithProgress(MaelstromProcess maelstrom, String part) throws InterruptedException {
        StatusLine status = new StatusLine(System.err, Terminal.fromSystem());
        long start = System.nanoTime();
        long lastPlain = 0;
        while (maelstrom.alive()) {
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            String line = "maelstrom " + part + ": " + elapsed / 1000 + " s (" + maelstrom.phase() + ")";
            if (status.interactive()) {
                status.show(line);
            } else if (elapsed - lastPlain >= PROGRESS_EVERY_MILLIS) {
                System.err.println(line);
                lastPlain = elapsed;
            }
            Thread.sleep(200);
        }
        status.clear();
        return maelstrom.await(1, TimeUnit.MINUTES);
    }

    /**
     * Moves Maelstrom's run folder to {@code <store>/<part>/<its time>}, with Maelstrom's output beside its
     * own files as {@code maelstrom.log}, and points {@code <store>/latest} at it. When Maelstrom made no
     * folder (it failed before the test began), the folder holds only its output.
     */
    private static Path keep(MaelstromProcess maelstrom, Path store, String part, Path log) throws IOException {
        Path made = maelstrom.runDir().orElse(null);
        String name = made != null ? made.getFileName().toString().replaceFirst("Z$", "")
                : STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        Path run = Files.createDirectories(store.resolve(part)).resolve(name);
        if (made != null) {
            Files.move(made, run);
        } else {
            Files.createDirectories(run);
        }
        Files.move(log, run.resolve(MAELSTROM_LOG));
        LatestLink.update(store, run);
        return run;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
