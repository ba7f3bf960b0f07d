package io.glomers.bench;

import io.glomers.bench.console.CompactSummary;
import io.glomers.bench.console.RunProgress;
import io.glomers.bench.console.StatusLine;
import io.glomers.bench.console.Terminal;
import io.glomers.bench.nodes.ChildProcesses;
import io.glomers.bench.nodes.InProcessNode;
import io.glomers.bench.nodes.NodeFactory;
import io.glomers.bench.nodes.ProcessNode;
import io.glomers.bench.report.ResultsReport;
import java.io.IOException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bench's command line ({@code bin/challenge} runs it when Maelstrom is not installed):
 * {@code BenchMain [3a|3b|3c|3d|3e] [maelstrom-style options] [--verbose]}. Prints a compact summary on
 * stdout ({@code --verbose}: results.edn whole, the targets and a one-line summary); progress and
 * node logs go to stderr, the progress as one redrawn status line when stderr is a terminal. Exit 0
 * only for a valid run.
 */
public final class BenchMain {

    static final String VERBOSE_USAGE = """
              --verbose               print results.edn whole (default: a compact summary)
            more: bin/challenge sim --help (the swarm), serve --help (the web view), draw --help (pictures)
            """;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        // Stdout is for the results; in-process nodes log through System.out, so send that to stderr.
        PrintStream out = System.out;
        PrintStream err = System.err;
        StatusLine status = new StatusLine(err, Terminal.fromSystem());
        // On a terminal every line of stderr (ours and in-process nodes' logs) goes above the status line.
        PrintStream progress = status.interactive() ? status.above(err) : err;
        System.setOut(progress);
        System.setErr(progress);
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.print(BenchOptions.USAGE);
            out.print(VERBOSE_USAGE);
            return;
        }
        boolean verbose = arguments.remove("--verbose");
        BenchOptions options;
        try {
            options = BenchOptions.parse(arguments, new SecureRandom().nextLong());
        } catch (IllegalArgumentException e) {
            System.err.println("challenge: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.hostCosts() != null) {
            System.err.println("challenge: the --cpu-* options shape the simulator's CPU model (bin/challenge sim);"
                    + " a real-time run pays the machine's own costs");
            System.exit(2);
            return;
        }
        NodeFactory nodes = options.inProcess() ? InProcessNode.factory() : ProcessNode.factory(options.bin(), List.of());
        BenchResult result;
        RunProgress watch = new RunProgress(options.part(), options.timeLimit(), options.recoveryWait(), status, progress,
                System::nanoTime);
        try {
            result = new BenchRunner(options, nodes, BenchRunner.defaultChecker(), progress).observe(watch).run();
        } catch (IOException | RuntimeException | Error e) {
            // The files are streamed as the run goes, so what was written up to here stays.
            System.err.println("challenge: the bench cannot go on: " + e + "; what it wrote is under "
                    + options.store().resolve(options.part()));
            e.printStackTrace(System.err);
            System.exit(3);
            return;
        } finally {
            watch.close();
            ChildProcesses.killAll();
        }
        if (verbose) {
            out.print(ResultsReport.resultsEdn(result));
            String targets = ResultsReport.targets(result);
            if (targets != null) {
                out.println(targets);
            }
            out.println(ResultsReport.summary(result));
        } else {
            CompactSummary.lines(result, watch.tally()).forEach(out::println);
        }
        out.flush();
        // Spring contexts of in-process nodes may leave non-daemon threads behind.
        System.exit(result.valid() ? 0 : 1);
    }
}
