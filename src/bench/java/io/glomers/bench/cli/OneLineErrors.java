package io.glomers.bench.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
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
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            String commands = String.join(" ", command.getSubcommands().keySet());
            if (command.getParent() == null && first.startsWith("-")) {
                return "'" + first + "' before a command: options go after it, e.g. bin/challenge 3d " + first
                        + " ... (commands: " + commands + ")";
            }
            if (command.getParent() == null) {
                return "'" + first + "' is not a part or a command; one of " + commands;
            }
            List<String> near = unmatched.getSuggestions();
            String suggestion = near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
            return (first.startsWith("-") ? "unknown option '" : "unexpected argument '") + first + "'" + suggestion;
        }
        return oneLine(e.getMessage()).replaceAll("positional parameter at index \\S+ \\((\\S+)\\)", "$1");
    }

    private static String oneLine(String message) {
        return message == null ? "bad arguments" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
