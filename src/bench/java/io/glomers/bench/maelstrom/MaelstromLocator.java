package io.glomers.bench.maelstrom;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds real Maelstrom, in this order: the {@code MAELSTROM} variable, {@code maelstrom} on the
 * {@code PATH}, then {@code ../shared/tools/maelstrom/maelstrom} beside the project (the workspace's
 * copy; a user's clone has none). The only place the project looks outside itself, and only for this
 * optional tool.
 *
 * @param env         the environment to read {@code MAELSTROM} and {@code PATH} from
 * @param projectRoot the project's root folder
 */
public record MaelstromLocator(Map<String, String> env, Path projectRoot) {

    static final String VARIABLE = "MAELSTROM";
    static final String BESIDE_PROJECT = "../shared/tools/maelstrom/maelstrom";

    public static MaelstromLocator ofThisProcess() {
        return new MaelstromLocator(System.getenv(), Path.of(System.getProperty("user.dir")));
    }

    /** The first executable found, or empty. A {@code MAELSTROM} that names no executable is an error, not a miss. */
    public Optional<Path> find() {
        String variable = env.getOrDefault(VARIABLE, "");
        if (!variable.isBlank()) {
            Path named = Path.of(variable);
            if (!Files.isRegularFile(named) || !Files.isExecutable(named)) {
                throw new IllegalStateException(VARIABLE + "=" + variable + " is not an executable file");
            }
            return Optional.of(named.toAbsolutePath());
        }
        return onPath().or(() -> Optional.of(besideProject()).filter(Files::isExecutable));
    }

    /** One line: where {@link #find()} looked, for a skipped test or a user who expected Maelstrom. */
    public String whereLooked() {
        List<String> places = new ArrayList<>();
        places.add("$" + VARIABLE + " (unset)");
        places.add("maelstrom on the PATH (none)");
        places.add(besideProject() + " (" + (Files.exists(besideProject()) ? "not executable" : "missing") + ")");
        return "real Maelstrom not found; looked at " + String.join(", ", places);
    }

    private Optional<Path> onPath() {
        for (String folder : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                Path candidate = Path.of(folder, "maelstrom");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }

    private Path besideProject() {
        return projectRoot.resolve(BESIDE_PROJECT).normalize();
    }
}
