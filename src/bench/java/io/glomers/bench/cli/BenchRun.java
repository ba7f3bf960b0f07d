package io.glomers.bench.cli;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.run.BenchResult;
import io.glomers.bench.run.BenchRunner;
import io.glomers.bench.console.CompactSummary;
import io.glomers.bench.console.RunProgress;
import io.glomers.bench.console.SetupAdvice;
import io.glomers.bench.console.StatusLine;
import io.glomers.bench.console.Terminal;
import io.glomers.bench.nodes.ChildProcesses;
import io.glomers.bench.nodes.InProcessNode;
import io.glomers.bench.nodes.NodeFactory;
import io.glomers.bench.nodes.ProcessNode;
import io.glomers.bench.run.ResultsReport;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * A part on the embedded bench: progress and node logs on stderr (one redrawn status line on a
 * terminal), then a compact summary on stdout ({@code --verbose}: results.edn whole, the targets and a
 * one-line summary). Status 0 only for a valid run, 3 when the bench could not go on.
 */
final class BenchRun {

    private BenchRun() {
    }

    /** {@code ourNode}: the nodes are this project's (in-process or bin/broadcast-node), not another --bin. */
    static int run(BenchOptions options, boolean verbose, boolean ourNode) {
        // Stdout is for the results; in-process nodes log through System.out, so send that to stderr.
        PrintStream out = System.out;
        PrintStream err = System.err;
        StatusLine status = new StatusLine(err, Terminal.fromSystem());
        // On a terminal every line of stderr (ours and in-process nodes' logs) goes above the status line.
        PrintStream progress = status.interactive() ? status.above(err) : err;
        System.setOut(progress);
        System.setErr(progress);
        SetupAdvice.Machine before = SetupAdvice.Machine.now();
        String warning = options.inProcess() ? null : SetupAdvice.warning(before, options.nodeCount(), options.initDeadline(),
                ourNode);
        if (warning != null) {
            progress.println(warning);
        }
        NodeFactory nodes = options.inProcess() ? InProcessNode.factory() : ProcessNode.factory(options.bin(), List.of(), !options.killsOrPausesNodes());
        RunProgress watch = new RunProgress(options.part(), options.timeLimit(), options.recoveryWait(), status, progress,
                System::nanoTime);
        BenchResult result;
        try {
            result = new BenchRunner(options, nodes, BenchRunner.defaultChecker(), progress).observe(watch).run();
        } catch (IOException | RuntimeException | Error e) {
            // The files are streamed as the run goes, so what was written up to here stays.
            progress.println("challenge: the bench cannot go on: " + e + "; what it wrote is under "
                    + options.store().resolve(options.part()));
            e.printStackTrace(progress);
            return 3;
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
            if (SetupAdvice.missedInit(result.setupFailure())) {
                SetupAdvice.lines(result.setupFailure(), before, SetupAdvice.Machine.now(),
                        options.nodeCount(), false, ourNode).forEach(out::println);
            }
        }
        out.flush();
        return result.valid() ? 0 : 1;
    }
}
