package io.glomers.bench;

import io.glomers.bench.nodes.ChildProcesses;
import io.glomers.bench.nodes.InProcessNode;
import io.glomers.bench.nodes.NodeFactory;
import io.glomers.bench.nodes.ProcessNode;
import io.glomers.bench.report.ResultsReport;
import java.io.IOException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * The bench's command line ({@code bin/challenge} runs it when Maelstrom is not installed):
 * {@code BenchMain [3a|3b|3c|3d|3e] [maelstrom-style options]}. Prints results.edn and a one-line
 * summary on stdout; progress and node logs go to stderr. Exit 0 only for a valid run.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        // Stdout is for the results; in-process nodes log through System.out, so send that to stderr.
        PrintStream out = System.out;
        System.setOut(System.err);
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.print(BenchOptions.USAGE);
            return;
        }
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
        try {
            result = new BenchRunner(options, nodes, BenchRunner.defaultChecker(), System.err).run();
        } catch (IOException | RuntimeException | Error e) {
            // The files are streamed as the run goes, so what was written up to here stays.
            System.err.println("challenge: the bench cannot go on: " + e + "; what it wrote is under "
                    + options.store().resolve(options.part()));
            e.printStackTrace(System.err);
            System.exit(3);
            return;
        } finally {
            ChildProcesses.killAll();
        }
        out.print(ResultsReport.resultsEdn(result));
        String targets = ResultsReport.targets(result);
        if (targets != null) {
            out.println(targets);
        }
        out.println(ResultsReport.summary(result));
        out.flush();
        // Spring contexts of in-process nodes may leave non-daemon threads behind.
        System.exit(result.valid() ? 0 : 1);
    }
}
