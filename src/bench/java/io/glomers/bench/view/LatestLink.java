package io.glomers.bench.view;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Points {@code <store>/latest} at the last run written, as Maelstrom's {@code store/latest} does. The
 * link is relative, so the store can be moved or copied whole, and it is replaced in one rename, so a
 * reader never finds it missing.
 */
public final class LatestLink {

    private LatestLink() {
    }

    /** Synchronized: the swarm finishes runs on several threads, and the link's temporary name is per process. */
    public static synchronized void update(Path store, Path run) throws IOException {
        Path link = store.resolve(RunFiles.LATEST);
        Path target = store.toAbsolutePath().normalize().relativize(run.toAbsolutePath().normalize());
        Path fresh = store.resolve(RunFiles.LATEST + ".new-" + ProcessHandle.current().pid());
        Files.deleteIfExists(fresh);
        Files.createSymbolicLink(fresh, target);
        Files.move(fresh, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
