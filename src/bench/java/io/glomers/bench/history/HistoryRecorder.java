package io.glomers.bench.history;

import io.glomers.bench.sched.Scheduler;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Appends operations to the run's history with Jepsen's times: nanoseconds since the test started
 * (the moment the workload begins, after init and topology). Each operation is streamed to a
 * {@code history.edn} file as it is recorded and nothing of it stays in memory: a read carries every
 * value the node holds, so a long or fast run's history is gigabytes. Whoever needs the history
 * reads it back from the file, one operation at a time ({@link RunHistory#forEach}). Owned by the scheduler
 * thread.
 */
public final class HistoryRecorder implements AutoCloseable {

    private final Scheduler scheduler;
    private final Path file;
    private final Writer out;
    private final RunHistory history;
    private int count;
    private boolean closed;
    private long origin;
    private final Consumer<Op> listener;

    /** Streams to {@code file} ({@code history.edn} of the run). */
    public HistoryRecorder(Scheduler scheduler, Path file) {
        this(scheduler, file, false, op -> { });
    }

    /** Streams to a temporary file, deleted once its {@link RunHistory} is no longer referenced. */
    public HistoryRecorder(Scheduler scheduler) {
        this(scheduler, temporaryFile(), true, op -> { });
    }

    /**
     * Streams to {@code file}, or to a temporary file when it is null; {@code listener} sees each
     * operation as it is recorded (the terminal's progress line counts them).
     */
    public HistoryRecorder(Scheduler scheduler, Path file, Consumer<Op> listener) {
        this(scheduler, file != null ? file : temporaryFile(), file == null, listener);
    }

    private HistoryRecorder(Scheduler scheduler, Path file, boolean temporary, Consumer<Op> listener) {
        this.scheduler = scheduler;
        this.listener = listener;
        this.file = file;
        try {
            this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history to " + file, e);
        }
        this.history = new RunHistory(file, temporary, this);
        this.origin = scheduler.nanoTime();
    }

    /** Marks the start of the test: times count from here. */
    public void startClock() {
        origin = scheduler.nanoTime();
    }

    public long origin() {
        return origin;
    }

    public Op record(Op.Type type, int process, String f, Object value, boolean finalRead) {
        Op op = new Op(count++, scheduler.nanoTime() - origin, type, process, f, value, finalRead);
        try {
            out.write(HistoryLines.format(op));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history to " + file + " (disk full?)", e);
        }
        listener.accept(op);
        return op;
    }

    /** Operations recorded so far. */
    public int size() {
        return count;
    }

    /**
     * The history so far, backed by the file: iterate it with {@link RunHistory#forEach} to keep
     * memory constant. The same object on every call; it grows as operations are recorded.
     */
    public RunHistory ops() {
        return history;
    }

    /** The file the history is streamed to. */
    public Path file() {
        return file;
    }

    public void flush() {
        if (closed) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history to " + file + " (disk full?)", e);
        }
    }

    /** Finishes the file; the history stays readable. */
    @Override
    public void close() {
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the history " + file, e);
        }
    }

    private static Path temporaryFile() {
        try {
            Path file = Files.createTempFile("bench-history", ".edn");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary history file", e);
        }
    }
}
