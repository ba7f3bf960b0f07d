package io.glomers.bench.options;

import io.glomers.bench.run.BenchOptions;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * A run's arguments as a list of words, {@code [PART] [options]}, made into {@link BenchOptions} by the
 * same definitions {@code bin/challenge} parses ({@link RunOptions}): how the swarm, the fidelity
 * report and the tests describe runs.
 */
public final class RunArguments {

    private RunArguments() {
    }

    /**
     * Parses {@code [PART] [options]}; a part's values are the defaults, so options override them, and
     * a later option overrides an earlier one. A bad argument is an {@link IllegalArgumentException}
     * whose message names the option, the value and what is allowed.
     */
    public static BenchOptions parse(List<String> args, long randomSeed) {
        Part part = null;
        List<String> options = args;
        if (!args.isEmpty() && !args.get(0).startsWith("-")) {
            part = Part.named(args.get(0)).orElseThrow(() -> new IllegalArgumentException(
                    "'" + args.get(0) + "' is not a part; one of " + Part.ids()));
            options = args.subList(1, args.size());
        }
        RunOptions run = new RunOptions();
        CommandLine command = commandOf(run, part);
        try {
            command.parseArgs(options.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return run.toBenchOptions(part, null, randomSeed);
    }

    /** A parser of {@code run}'s options alone, with {@code part}'s defaults (none for null). */
    private static CommandLine commandOf(Object command, Part part) {
        return configured(new CommandLine(command)).setDefaultValueProvider(defaults(part));
    }

    /** The parser settings every command of {@code bin/challenge} shares: a later option overrides an earlier one. */
    public static CommandLine configured(CommandLine command) {
        return command.setOverwrittenOptionsAllowed(true);
    }

    /** The part's Maelstrom arguments as the defaults of its options; Maelstrom's for the rest. */
    public static IDefaultValueProvider defaults(Part part) {
        return (ArgSpec spec) -> part != null && spec instanceof OptionSpec option ? part.defaultOf(option.longestName()) : null;
    }
}
