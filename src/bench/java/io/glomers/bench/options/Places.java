package io.glomers.bench.options;

import io.glomers.bench.view.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** The files and folders of {@code bin/challenge}'s options: each must exist, or be makeable, before anything starts. */
public final class Places {

    private Places() {
    }

    /** An executable file (a node, as Maelstrom's --bin). */
    public static final class Executable implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = Path.of(value);
            if (!Files.isRegularFile(path)) {
                throw Values.refused(value, "a file that exists (the node's executable)");
            }
            if (!Files.isExecutable(path)) {
                throw Values.refused(value, "executable (chmod +x " + value + ")");
            }
            return path;
        }
    }

    /** A folder that exists (a store to show). */
    public static final class ExistingFolder implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = Path.of(value);
            if (value.isBlank() || !Files.isDirectory(path)) {
                throw Values.refused(value, "a folder that exists");
            }
            return path;
        }

        /**
         * The same check for an option whose default names a folder that may not exist yet: made
         * when the command runs, so {@code --help} works without it. Refused as a bad argument.
         */
        public static void check(CommandSpec spec, String option, Path path) {
            try {
                new ExistingFolder().convert(path.toString());
            } catch (TypeConversionException e) {
                throw new ParameterException(spec.commandLine(),
                        "Invalid value for option '" + option + "': " + e.getMessage());
            }
        }
    }

    /**
     * A folder where runs are written: one that exists, or one that can be made in a folder that does.
     * One level only, so that a mistyped path is refused rather than made (the swarm makes its own
     * default, store/sim, itself).
     */
    public static final class StoreFolder implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            // An empty name is the working directory to Path.of: runs would land in the project's root.
            if (value.isBlank()) {
                throw Values.refused(value, "a folder's name (it is empty)");
            }
            Path path = Path.of(value);
            Path parent = path.toAbsolutePath().normalize().getParent();
            if (Files.exists(path) && !Files.isDirectory(path)) {
                throw Values.refused(value, "a folder (it is a file)");
            }
            if (!Files.exists(path) && (parent == null || !Files.isDirectory(parent))) {
                throw Values.refused(value, "a folder that exists or can be made: " + parent
                        + (parent != null && Files.exists(parent) ? " is not a folder" : " does not exist"));
            }
            return path;
        }
    }

    /** A stored run's folder: one holding results.edn or history.edn. */
    public static final class RunFolder implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = Path.of(value);
            if (value.isBlank() || !Files.isDirectory(path)) {
                throw Values.refused(value, "a run's folder that exists (e.g. store/latest)");
            }
            if (!Files.isRegularFile(path.resolve(RunFiles.RESULTS)) && !Files.isRegularFile(path.resolve(RunFiles.HISTORY))) {
                throw Values.refused(value, "a run's folder: it has no results.edn or history.edn");
            }
            return path;
        }
    }
}
