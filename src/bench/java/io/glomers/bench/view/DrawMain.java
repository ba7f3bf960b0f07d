package io.glomers.bench.view;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/challenge draw RUN... [--svg-events N|all] [--svg-from S] [--svg-to S]}: draws a stored
 * run's pictures again from its files, e.g. the Lamport diagram of a run too long for the default
 * limit, or of one window of it.
 */
public final class DrawMain {

    static final String USAGE = """
            usage: challenge draw RUN_DIR... [--svg-events N|all] [--svg-from S] [--svg-to S]
              RUN_DIR            a run's directory, e.g. store/latest or store/3d/20261201T203256.560
              --svg-events N     draw messages.svg when the window holds at most N network events
                                 (default %d; all: no limit)
              --svg-from S       the diagram's window, seconds of history time (negative: the setup)
              --svg-to S
            """.formatted(DiagramOptions.DEFAULT_EVENT_LIMIT);

    private DrawMain() {
    }

    public static void main(String[] args) throws Exception {
        DiagramOptions options = DiagramOptions.DEFAULT;
        double from = Double.NEGATIVE_INFINITY;
        double to = Double.POSITIVE_INFINITY;
        List<Path> runs = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--svg-events" -> {
                        String value = args[++i];
                        options = options.withLimit(value.equals("all") ? 0 : Long.parseLong(value));
                    }
                    case "--svg-from" -> from = Double.parseDouble(args[++i]);
                    case "--svg-to" -> to = Double.parseDouble(args[++i]);
                    case "--help", "-h" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    default -> runs.add(Path.of(args[i]));
                }
            }
        } catch (RuntimeException e) {
            System.err.print("challenge draw: bad arguments (" + e.getMessage() + ")\n" + USAGE);
            System.exit(2);
        }
        if (runs.isEmpty()) {
            System.err.print(USAGE);
            System.exit(2);
        }
        options = options.withWindow(from, to);
        int failed = 0;
        for (Path given : runs) {
            if (!Files.isRegularFile(given.resolve(RunFiles.RESULTS)) && !Files.isRegularFile(given.resolve(RunFiles.HISTORY))) {
                System.err.println("challenge draw: " + given + " is not a run's directory (no results.edn or history.edn)");
                failed++;
                continue;
            }
            Path dir = given.toRealPath();
            Path store = dir.getParent() != null && dir.getParent().getParent() != null ? dir.getParent().getParent() : dir;
            RunPictures.Drawn drawn = RunPictures.draw(store, dir, options);
            System.out.println(given + ": " + String.join(" ", drawn.files()));
            drawn.notes().forEach(note -> System.out.println("  " + note));
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
