package io.glomers.bench.cli;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.nemesis.Fault;
import io.glomers.bench.maelstrom.MaelstromCommand;
import io.glomers.bench.maelstrom.MaelstromRun;
import io.glomers.bench.options.Part;
import io.glomers.bench.options.RunOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code bin/challenge PART [options]}: one run of a part, judged by real Maelstrom when it is installed
 * (the system property {@value #MAELSTROM}, which {@code bin/challenge} sets), by the bench otherwise.
 * Everything that can be refused is refused before anything starts.
 */
@Command(sortOptions = false, usageHelpAutoWidth = true, abbreviateSynopsis = true)
final class PartCommand implements Callable<Integer> {

    /** Real Maelstrom's executable, when there is one. */
    static final String MAELSTROM = "challenge.maelstrom";
    /** The node run when neither --bin nor --in-process is given: ours. */
    static final String DEFAULT_BIN = "challenge.bin";
    /** What bin/challenge chose for the user (the node's profile for 3d and 3e), said once the arguments are good. */
    static final String NOTE = "challenge.note";

    private final Part part;

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run;

    @Option(names = "--verbose", description = "print results.edn whole (default: a compact summary)")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;

    PartCommand(Part part) {
        this.part = part;
    }

    @Override
    public Integer call() throws Exception {
        Path maelstrom = pathProperty(MAELSTROM);
        BenchOptions options = refusedAsParameter(() -> run.toBenchOptions(part, pathProperty(DEFAULT_BIN),
                new SecureRandom().nextLong()));
        refuseContradictions(options, maelstrom != null);
        // Under Maelstrom the nodes are always processes: --in-process is one of the bench's options it ignores.
        List<String> command = maelstrom == null ? null
                : refusedAsParameter(() -> MaelstromCommand.of(maelstrom, maelstromBin(), options));
        String note = System.getProperty(NOTE, "");
        if (!note.isBlank()) {
            System.err.println("challenge: " + note);
        }
        return command != null ? MaelstromRun.run(command, options, ignoredUnderMaelstrom(), verbose, ourNode())
                : BenchRun.run(options, verbose, ourNode());
    }

    /** A real-time run refuses an option that only shapes the simulator ({@code bin/challenge sim}). */
    private void refuseSimulatorOnly(String option, String shapes, String why) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
            throw new ParameterException(spec.commandLine(), option + " shapes the simulator's " + shapes
                    + " (bin/challenge sim); " + why);
        }
    }

    private void refuseContradictions(BenchOptions options, boolean underMaelstrom) {
        refuseFaultsWithNemesis(spec);
        if (run.inProcess() && run.bin() != null) {
            throw new ParameterException(spec.commandLine(), "--in-process and --bin " + run.bin()
                    + " exclude each other: the nodes run in this JVM or as that executable");
        }
        if (!underMaelstrom) {
            refuseSimulatorOnly("--cpu-node", "nodes", "a real-time run's nodes are real and pay their own CPU");
            refuseSimulatorOnly("--cpu-node-wake", "nodes", "a real-time run's nodes are real and wake by themselves");
            refuseSimulatorOnly("--cpu-interpreter-lag", "clients",
                    "a real-time run's interpreter waits on the real clock, which lags by itself");
        }
        boolean processFaults = options.faults().contains(Fault.KILL) || options.faults().contains(Fault.PAUSE);
        if (processFaults && run.inProcess() && !underMaelstrom) {
            throw new ParameterException(spec.commandLine(), "--nemesis kill and pause need process nodes (leave out"
                    + " --in-process) or the simulator: in-process nodes share the bench's JVM");
        }
        if (options.bin() == null && !run.inProcess() && !underMaelstrom) {
            throw new ParameterException(spec.commandLine(), "no node to run: give --bin PATH or --in-process");
        }
    }

    /** A --faults plan replaces the nemeses: given with --nemesis, one of the two would be silently ignored. */
    static void refuseFaultsWithNemesis(CommandSpec spec) {
        ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--faults") && parsed.hasMatchedOption("--nemesis")) {
            throw new ParameterException(spec.commandLine(), "--faults " + parsed.matchedOptionValue("--faults", null)
                    + " and --nemesis " + parsed.matchedOption("--nemesis").stringValues().get(0)
                    + " exclude each other: a fault plan replaces the nemeses; give one of them");
        }
    }

    /** Whether the nodes are this project's: in-process, or no --bin, or a --bin that is our launcher. */
    private boolean ourNode() {
        Path ours = pathProperty(DEFAULT_BIN);
        try {
            return run.inProcess() || run.bin() == null || ours != null && Files.isSameFile(run.bin(), ours);
        } catch (IOException e) {
            return false;
        }
    }

    private Path maelstromBin() {
        Path bin = run.bin() != null ? run.bin() : pathProperty(DEFAULT_BIN);
        if (bin == null) {
            throw new ParameterException(spec.commandLine(), "no node for Maelstrom to run: give --bin PATH");
        }
        return bin;
    }

    private <T> T refusedAsParameter(Callable<T> check) throws Exception {
        try {
            return check.call();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** The bench's own options the user gave, which real Maelstrom has no use for. */
    private List<String> ignoredUnderMaelstrom() {
        return MaelstromCommand.ignored(spec.commandLine().getParseResult().originalArgs());
    }

    private static Path pathProperty(String name) {
        String value = System.getProperty(name, "");
        return value.isBlank() ? null : Path.of(value);
    }
}
