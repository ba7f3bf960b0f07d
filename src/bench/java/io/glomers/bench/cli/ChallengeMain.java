package io.glomers.bench.cli;

import io.glomers.bench.options.Part;
import io.glomers.bench.options.RunArguments;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bin/challenge}'s command line: a part ({@code 3a}..{@code 3e}), {@code sim}, {@code serve} or
 * {@code draw}, each a picocli subcommand whose help is generated from the definitions it parses with.
 * Arguments are checked before anything starts (no node, no Spring context): a bad one is one line on
 * stderr and status 2 ({@link OneLineErrors}). Runs end with {@link System#exit}, since in-process
 * nodes' Spring contexts may leave threads behind.
 */
@Command(name = "challenge", usageHelpAutoWidth = true,
        description = {"Fly.io's Gossip Glomers challenge #3 (broadcast) against our node: under real Maelstrom when it is"
                + " installed (MAELSTROM=/path/to/maelstrom, or maelstrom on the PATH), on the embedded bench otherwise.",
                "Each part starts from the challenge's Maelstrom arguments; options after it override them."},
        footer = {"", "bin/challenge COMMAND --help shows a command's options with its defaults."})
public final class ChallengeMain implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help, with every command's options")
    boolean help;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The whole command tree, configured; every command's parse errors are one line. */
    public static CommandLine commandLine() {
        CommandLine root = new CommandLine(new ChallengeMain());
        for (Part part : Part.values()) {
            CommandLine command = new CommandLine(new PartCommand(part));
            command.getCommandSpec().usageMessage().description(part.id() + " " + part.title() + ": maelstrom test -w broadcast "
                    + String.join(" ", part.arguments()) + ", then the options given.");
            root.addSubcommand(part.id(), command);
        }
        root.addSubcommand("sim", new CommandLine(new SimCommand()));
        root.addSubcommand("serve", new CommandLine(new ServeCommand()));
        root.addSubcommand("draw", new CommandLine(new DrawCommand()));
        RunArguments.configured(root);
        for (Part part : Part.values()) {
            root.getSubcommands().get(part.id()).setDefaultValueProvider(RunArguments.defaults(part));
        }
        root.setParameterExceptionHandler(new OneLineErrors());
        root.setUsageHelpLongOptionsMaxWidth(28);
        // Rendered only when the help is shown: laying out every command's options took longer than all
        // the parsing of a refused argument, which must come back at once.
        root.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER,
                help -> String.join(System.lineSeparator(), AllOptions.of(root)) + System.lineSeparator());
        return root;
    }

    /** {@code bin/challenge} alone: refused like any other call it cannot run, in one line that says what it takes. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is needed: one of "
                + String.join(" ", spec.commandLine().getSubcommands().keySet()) + ", e.g. bin/challenge 3d");
    }
}
