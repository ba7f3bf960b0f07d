package io.glomers.bench.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A run's history as streamed to its {@code history.edn}: {@link #forEach} reads it back one
 * operation at a time (what the bench itself does, in constant memory); the list view loads it
 * whole on first use, for tests and small runs. A temporary file (a run the store policy does not
 * keep) is deleted once nothing refers to this history.
 */
public final class RunHistory extends AbstractList<Op> {

    private static final Cleaner CLEANER = Cleaner.create();

    private final Path file;
    private final HistoryRecorder recorder;
    private SoftReference<List<Op>> loaded = new SoftReference<>(null);
    private int loadedCount = -1;

    RunHistory(Path file, boolean temporary, HistoryRecorder recorder) {
        this.file = file;
        this.recorder = recorder;
        if (temporary) {
            CLEANER.register(this, () -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // A temporary file left behind is harmless.
                }
            });
        }
    }

    /** The file the history lives in. */
    public Path file() {
        return file;
    }

    /** Every operation recorded so far, in order, read back from the file. */
    @Override
    public void forEach(Consumer<? super Op> action) {
        recorder.flush();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.map(HistoryLines::parse).forEach(action);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the history back from " + file, e);
        }
    }

    @Override
    public Op get(int index) {
        return all().get(index);
    }

    @Override
    public int size() {
        return recorder.size();
    }

    private List<Op> all() {
        List<Op> ops = loaded.get();
        if (ops == null || loadedCount != size()) {
            List<Op> fresh = new ArrayList<>(size());
            forEach(fresh::add);
            ops = fresh;
            loaded = new SoftReference<>(ops);
            loadedCount = ops.size();
        }
        return ops;
    }
}
