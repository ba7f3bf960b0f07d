package io.glomers.bench.cli;

import io.glomers.bench.options.Values;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A bad argument as one line on stderr: the command, what was wrong (the option, the value, what is
 * allowed) and where the options are listed; status 2. No usage dump, no stack trace.
 */
final class OneLineErrors implements IParameterExceptionHandler {

    static final int BAD_ARGUMENTS = 2;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName(" ");
        String help = "bin/" + name + " --help";
        command.getErr().println(name + ": " + reason(e, command) + " (" + help + " lists the options)");
        command.getErr().flush();
        return BAD_ARGUMENTS;
    }

    private static String reason(ParameterException e, CommandLine command) {
        // picocli reports unknown words only once it has parsed the rest, so a value after an unknown option
        // would otherwise be blamed instead (draw --rate 5: "'5' is not a run's folder").
        List<String> unmatched = e instanceof UnmatchedArgumentException u ? u.getUnmatched() : command.getUnmatchedArguments();
        if (!unmatched.isEmpty()) {
            return unmatched(Values.shown(unmatched.get(0)), e, command);
        }
        if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
            return missing(missing.getMissing().get(0));
        }
        return oneLine(e.getMessage()).replaceAll("positional parameter at index \\S+ \\((\\S+)\\)", "$1");
    }

    private static String unmatched(String first, ParameterException e, CommandLine command) {
        String commands = String.join(" ", command.getSubcommands().keySet());
        if (command.getParent() == null && first.startsWith("-")) {
            return "'" + first + "' before a command: options go after it, e.g. bin/challenge 3d " + first
                    + " ... (commands: " + commands + ")";
        }
        if (command.getParent() == null) {
            return "'" + first + "' is not a part or a command; one of " + commands;
        }
        if (command.getCommandSpec().findOption(first) != null) {
            // Only "--" makes a known option's name an argument: everything after it is one.
            return "'" + first + "' comes after '--', which makes every later word an argument, and "
                    + command.getCommandSpec().name() + " takes no such argument: leave out '--'";
        }
        List<String> near = e instanceof UnmatchedArgumentException u ? u.getSuggestions() : List.of();
        String suggestion = near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
        return (first.startsWith("-") ? "unknown option '" : "unexpected argument '") + first + "'" + suggestion;
    }

    /** A missing value with what it may be: the option's own description says what is allowed. */
    private static String missing(ArgSpec arg) {
        String what = arg instanceof OptionSpec option ? "option '" + option.longestName() + "' needs a value, "
                + arg.paramLabel() : arg.paramLabel() + " is missing";
        String[] description = arg.description();
        return what + (description.length == 0 ? "" : ": " + oneLine(String.join(" ", description)));
    }

    private static String oneLine(String message) {
        return message == null ? "bad arguments" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
