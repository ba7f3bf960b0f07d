package io.glomers.bench.cli;

import io.glomers.bench.options.Places;
import io.glomers.bench.options.Values;
import io.glomers.bench.view.DiagramOptions;
import io.glomers.bench.view.RunPictures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bin/challenge draw RUN_DIR... [--svg-events N|all] [--svg-from S] [--svg-to S]}: draws stored runs'
 * pictures again from their files, e.g. the Lamport diagram of a run too long for the default limit, or of
 * one window of it.
 */
@Command(sortOptions = false, usageHelpAutoWidth = true, abbreviateSynopsis = true,
        description = "Draws stored runs' pictures again from their files (the Lamport diagram of a long run, or a window of it).")
final class DrawCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", converter = Places.RunFolder.class,
            description = "a run's folder, e.g. store/latest or store/3d/20261201T203256.560")
    List<Path> runs;

    @Option(names = "--svg-events", paramLabel = "N|all", defaultValue = "" + DiagramOptions.DEFAULT_EVENT_LIMIT,
            converter = EventLimit.class,
            description = "draw messages.svg when the window holds at most N network events (at least 1, or all;"
                    + " default ${DEFAULT-VALUE})")
    long eventLimit;

    @Option(names = "--svg-from", paramLabel = "S", converter = Seconds.class,
            description = "the diagram's window starts here, seconds of history time (negative: the set-up)")
    Double from;

    @Option(names = "--svg-to", paramLabel = "S", converter = Seconds.class,
            description = "the diagram's window ends here, after --svg-from")
    Double to;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;

    @Override
    public Integer call() throws IOException {
        double start = from != null ? from : Double.NEGATIVE_INFINITY;
        double end = to != null ? to : Double.POSITIVE_INFINITY;
        if (start >= end) {
            throw new ParameterException(spec.commandLine(), "--svg-from " + from + " --svg-to " + to
                    + ": the window must end after it starts");
        }
        DiagramOptions options = DiagramOptions.DEFAULT.withLimit(eventLimit).withWindow(start, end);
        for (Path given : runs) {
            Path dir = given.toRealPath();
            Path store = dir.getParent() != null && dir.getParent().getParent() != null ? dir.getParent().getParent() : dir;
            RunPictures.Drawn drawn = RunPictures.draw(store, dir, options);
            System.out.println(given + ": " + String.join(" ", drawn.files()));
            drawn.notes().forEach(note -> System.out.println("  " + note));
        }
        return 0;
    }

    /** At least 1, or {@code all} (0: no limit). */
    static final class EventLimit implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return value.equals("all") ? 0L : Values.whole(value, 1, Long.MAX_VALUE, "a number of events of at least 1, or all");
        }
    }

    static final class Seconds implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return Values.number(value, "a number of seconds");
        }
    }
}
