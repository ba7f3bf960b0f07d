package io.glomers.bench.serve;

import io.glomers.bench.view.RunFiles;
import io.glomers.bench.view.StoredRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The runs in a store: every directory holding a {@code results.edn}, a few levels down
 * ({@code store/3b/<time>}, {@code store/sim/3c/<time>}), newest first. The {@code latest} link is
 * not followed (it names a run already listed). Each run's results are read once and read again
 * only when the file changes, so the list stays quick for a store of hundreds of runs.
 */
public final class RunIndex {

    private static final int DEPTH = 4;

    private final Path store;
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(FileTime modified, StoredRun run) {
    }

    public RunIndex(Path store) {
        this.store = store.toAbsolutePath().normalize();
    }

    public Path store() {
        return store;
    }

    /** Every run, newest first (by the time in the directory's name, then by path). */
    public List<StoredRun> runs() {
        if (!Files.isDirectory(store)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(store, DEPTH)) {
            return files.filter(path -> path.getFileName().toString().equals(RunFiles.RESULTS))
                    .map(Path::getParent)
                    .filter(dir -> !Files.isSymbolicLink(dir))
                    .map(this::read)
                    .sorted(Comparator.comparing(StoredRun::stamp).thenComparing(StoredRun::path).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + store, e);
        }
    }

    /** The run at {@code path} (relative to the store), if it is one. */
    public Optional<StoredRun> run(String path) {
        Path dir = store.resolve(path).normalize();
        if (!dir.startsWith(store) || !Files.isRegularFile(dir.resolve(RunFiles.RESULTS))) {
            return Optional.empty();
        }
        return Optional.of(read(dir));
    }

    /** The path, relative to the store, that {@code store/latest} points at. */
    public Optional<String> latest() {
        Path link = store.resolve(RunFiles.LATEST);
        if (!Files.isSymbolicLink(link)) {
            return Optional.empty();
        }
        try {
            Path target = link.toRealPath();
            Path root = store.toRealPath();
            return target.startsWith(root) ? Optional.of(root.relativize(target).toString().replace('\\', '/'))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private StoredRun read(Path dir) {
        Path results = dir.resolve(RunFiles.RESULTS);
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(results);
        } catch (IOException e) {
            modified = FileTime.fromMillis(0);
        }
        Cached cached = cache.get(dir);
        if (cached != null && cached.modified().equals(modified)) {
            return cached.run();
        }
        StoredRun run;
        try {
            run = StoredRun.read(store, dir);
        } catch (RuntimeException e) {
            // A results.edn being written, or one of another tool's shape: list the run, unjudged.
            run = new StoredRun(dir, store.relativize(dir).toString().replace('\\', '/'), "?",
                    dir.getFileName().toString(), null, null, null, null, null, Map.of(), null, List.of(), null,
                    "results.edn unreadable: " + e.getMessage());
        }
        cache.put(dir, new Cached(modified, run));
        return run;
    }
}
