package io.glomers.bench.run;

import io.glomers.bench.view.AfterRun;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where one run's files go, as the store policy says: written as the run goes ({@code all}), held in a
 * temporary file until the verdict and kept only if the run failed ({@code failed}), or nowhere
 * ({@code none}). The run's folder is {@code STORE/PART/STAMP}.
 */
final class RunStore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS").withZone(ZoneOffset.UTC);
    /** The last stamp given out, in epoch milliseconds: a swarm starts several runs in one millisecond. */
    private static final AtomicLong LAST_STAMP = new AtomicLong();

    private final BenchOptions options;
    private final Path dir;
    private final boolean storeAll;
    /** messages.log until the verdict, when the policy keeps failed runs only. */
    private final Path heldJournal;

    RunStore(BenchOptions options) {
        this.options = options;
        this.dir = options.store().resolve(options.part()).resolve(uniqueStamp());
        this.storeAll = options.storeRuns() == StorePolicy.ALL;
        try {
            // Process nodes write their logs under the run's directory, so it exists whatever the policy.
            if (storeAll || !options.inProcess()) {
                Files.createDirectories(logs());
            }
            this.heldJournal = options.storeRuns() == StorePolicy.FAILED ? Files.createTempFile("bench-messages", ".log") : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's files under " + dir, e);
        }
    }

    /** Now, or a millisecond after the last stamp this JVM gave out if that is later: no two runs share a folder. */
    private static String uniqueStamp() {
        long now = System.currentTimeMillis();
        return STAMP.format(Instant.ofEpochMilli(LAST_STAMP.updateAndGet(last -> Math.max(now, last + 1))));
    }

    Path logs() {
        return dir.resolve("node-logs");
    }

    /** Where messages.log is streamed as the run goes. */
    Writer journal() {
        try {
            return storeAll ? Files.newBufferedWriter(dir.resolve("messages.log"))
                    : heldJournal != null ? Files.newBufferedWriter(heldJournal) : Writer.nullWriter();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's files under " + dir, e);
        }
    }

    /** Where history.edn is streamed as the run goes; null when it goes to a temporary file. */
    Path history() {
        return storeAll ? dir.resolve("history.edn") : null;
    }

    /** The run's folder when the policy keeps a run with this verdict; else null. */
    Path keeps(boolean valid) {
        return options.storeRuns().keeps(valid) ? dir : null;
    }

    /**
     * Once the verdict is known: a kept run gets results.edn, history.edn (from {@code streamedHistory}
     * unless it was streamed there), messages.log, its pictures and store/latest; a dropped one leaves nothing.
     */
    void finish(BenchResult result, Path streamedHistory, PrintStream progress) throws IOException {
        if (result.dir() == null) {
            if (heldJournal != null) {
                Files.deleteIfExists(heldJournal);
            }
            return;
        }
        Files.createDirectories(logs());
        if (heldJournal != null) {
            Files.move(heldJournal, dir.resolve("messages.log"));
        }
        Files.writeString(dir.resolve("results.edn"), ResultsReport.resultsEdn(result));
        if (!streamedHistory.equals(dir.resolve("history.edn"))) {
            Files.copy(streamedHistory, dir.resolve("history.edn"));
        }
        AfterRun.picturesAndLink(options.store(), dir, progress);
    }
}
