package io.glomers.bench.check;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the real Maelstrom runs shipped beside the project, for fidelity tests. */
public final class MaelstromRuns {

    private MaelstromRuns() {
    }

    public static Path dir(String run) {
        Path root = Path.of(System.getProperty("user.dir")).resolve("../shared/reference/maelstrom-runs").normalize();
        Path dir = root.resolve(run);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Maelstrom reference run '" + run + "' not found at " + dir
                    + " (expected <project root>/../shared/reference/maelstrom-runs/" + run
                    + "; run Maven from the project root)");
        }
        return dir;
    }
}
