package io.glomers.broadcast;

import io.glomers.runtime.ErrorCode;
import io.glomers.runtime.MaelstromException;
import io.glomers.runtime.NodeLifecycle;
import io.glomers.runtime.NodeProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Makes "acknowledged" mean "survives a kill". A value is appended to a node-private file before
 * {@code broadcast_ok} leaves; the write reaches the kernel, which keeps it through SIGKILL (no
 * fsync: Jepsen kills processes, not machines). A restart of the same run reads it back. The file
 * is removed when the node ends normally; files of runs whose parent process is gone are swept.
 *
 * <p>A journal that cannot be written (directory missing or unwritable, disk full) does not stop
 * the node, but it stops acknowledgements: {@link #record} refuses with error 13 (crash,
 * indefinite), so no client is told a value is safe that a kill would lose. Reads, gossip and values
 * from peers go on. Each refused write tries the file again, so the node recovers by itself once
 * the disk has room; both changes are reported on stderr (docs/dissemination.md, "Journal faults").
 */
@Slf4j
@Component
public class AckJournal implements DisposableBean {

    private static final String SUFFIX = ".values";

    private final JournalProperties properties;
    private final NodeProcess process;
    private final NodeLifecycle lifecycle;
    private Path file;
    private OutputStream out;
    // Why the journal cannot be written, while it cannot; null when it works.
    private String failure;

    public AckJournal(JournalProperties properties, NodeProcess process, NodeLifecycle lifecycle) {
        this.properties = properties;
        this.process = process;
        this.lifecycle = lifecycle;
    }

    /** A journal of this JVM's own process (tests, the simulator). */
    public static AckJournal of(JournalProperties properties) {
        return new AckJournal(properties, NodeProcess.current(), new NodeLifecycle());
    }

    /** Opens this node's journal for the run and returns what a previous incarnation acknowledged. */
    public long[] open(String nodeId) {
        if (!properties.enabled()) {
            return new long[0];
        }
        assert file == null : "the journal is opened once, when the node starts";
        String runId = properties.runId().isBlank() ? process.runId() : properties.runId();
        file = properties.dir().resolve(runId + "_" + nodeId + SUFFIX);
        long[] recovered = new long[0];
        try {
            Files.createDirectories(properties.dir());
            if (properties.runId().isBlank()) {
                sweepEnded(properties.dir());
            }
            recovered = Files.isRegularFile(file) ? read(file) : new long[0];
            if (recovered.length > 0) {
                log.info("Recovered {} acknowledged values from {}", recovered.length, file);
            }
            out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | UncheckedIOException e) {
            broken(e);
        }
        assert rulesHold();
        return recovered;
    }

    /**
     * Records a value before it is acknowledged.
     *
     * @throws MaelstromException error 13 when the value cannot be made durable: it must not be acknowledged
     */
    public void record(long value) {
        if (!properties.enabled()) {
            return;
        }
        assert file != null : "a value is recorded after the journal is opened";
        if (out == null && !reopen()) {
            throw refusal();
        }
        try {
            out.write((value + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            close();
            broken(e);
            throw refusal();
        }
        assert rulesHold();
    }

    /** The journal's rule: it is open for writing exactly while nothing stops it being written. */
    private boolean rulesHold() {
        if ((out == null) != (failure != null)) {
            throw new AssertionError("journal " + file + ": open " + (out != null) + " but failure " + failure);
        }
        return true;
    }

    private boolean reopen() {
        try {
            Files.createDirectories(properties.dir());
            out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            // A failed write may have left a torn line; end it, so the next value is a line of its own.
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            close();
            broken(e);
            return false;
        }
        log.warn("The acknowledgement journal {} is writable again: broadcasts are acknowledged again", file);
        failure = null;
        return true;
    }

    private void broken(Exception e) {
        String reason = e.getCause() != null && e instanceof UncheckedIOException ? e.getCause().toString() : e.toString();
        if (failure == null) {
            log.error("The acknowledgement journal {} cannot be written ({}). Broadcasts are refused with error 13 until"
                    + " it can: an acknowledged value must survive a kill of this process, and without the journal it"
                    + " would not. Reads and gossip go on; each broadcast tries the journal again.", file, reason);
        }
        failure = reason;
    }

    private MaelstromException refusal() {
        return new MaelstromException(ErrorCode.CRASH, "not acknowledged: the acknowledgement journal " + file
                + " cannot be written (" + failure + "), so the value would not survive a restart");
    }

    private void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // Already failing; the next record opens it afresh.
            }
            out = null;
        }
    }

    /** A node that ends normally has nothing to recover; one whose process was killed keeps its journal. */
    @Override
    public void destroy() throws IOException {
        if (out != null) {
            out.close();
            if (!lifecycle.isAbandoned()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static long[] read(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.US_ASCII)) {
            // A kill mid-write leaves at most a torn last line; it was never acknowledged.
            return lines.filter(line -> line.matches("-?\\d{1,19}")).mapToLong(Long::parseLong).toArray();
        }
    }

    /** Journals of runs that have ended are nobody's: a restart can only come from a running run. */
    private static void sweepEnded(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path journal : files.filter(path -> path.toString().endsWith(SUFFIX)).toList()) {
                String runId = journal.getFileName().toString().split("_", 2)[0];
                if (!NodeProcess.isRunning(runId)) {
                    Files.deleteIfExists(journal);
                }
            }
        }
    }
}
