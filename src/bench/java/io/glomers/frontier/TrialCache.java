package io.glomers.frontier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Fixed settings' figures kept in a file between invocations of the sweep: a simulated run is a pure
 * function of the node's code, the cell, the setting and the seed, so a sweep repeated for a changed
 * adaptive node need not repeat its ~700 fixed runs. Delete the file when the fixed strategies'
 * code changes. One tab-separated line per run: seed, arguments, properties, then the figures.
 */
final class TrialCache {

    private final Path file;
    private final Map<String, Figures> figures = new HashMap<>();

    TrialCache(Path file) {
        this.file = file;
        if (file != null && Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] fields = line.split("\t");
                    figures.put(fields[0] + "\t" + fields[1] + "\t" + fields[2], new Figures(Double.parseDouble(fields[3]),
                            Long.parseLong(fields[4]), Long.parseLong(fields[5]), Boolean.parseBoolean(fields[6]),
                            Long.parseLong(fields[7])));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // Synchronized: a setting's seeds run on several threads (SimTrials).
    synchronized Optional<Figures> get(long seed, Cell cell, Setting setting) {
        return Optional.ofNullable(figures.get(key(seed, cell, setting)));
    }

    synchronized void put(long seed, Cell cell, Setting setting, Figures run) {
        String key = key(seed, cell, setting);
        figures.put(key, run);
        if (file == null) {
            return;
        }
        String line = String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%s\t%d%n", key, Double.toString(run.msgsPerOp()),
                run.medianMillis(), run.maxMillis(), run.valid(), run.wallMillis());
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(long seed, Cell cell, Setting setting) {
        return seed + "\t" + cell + "\t" + String.join(" ", setting.properties());
    }
}
