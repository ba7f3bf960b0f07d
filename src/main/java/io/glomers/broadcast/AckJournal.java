package io.glomers.broadcast;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Makes "acknowledged" mean "survives a kill". A value is appended to a node-private file before
 * {@code broadcast_ok} leaves; the write reaches the kernel, which keeps it through SIGKILL (no
 * fsync: Jepsen kills processes, not machines). A restart of the same run reads it back. The file
 * is removed when the node ends normally; files of runs whose parent process is gone are swept.
 */
@Slf4j
@Component
public class AckJournal implements DisposableBean {

    private static final String SUFFIX = ".values";

    private final JournalProperties properties;
    private Path file;
    private OutputStream out;

    public AckJournal(JournalProperties properties) {
        this.properties = properties;
    }

    /** Opens this node's journal for the run and returns what a previous incarnation acknowledged. */
    public long[] open(String nodeId) {
        if (!properties.enabled()) {
            return new long[0];
        }
        try {
            Files.createDirectories(properties.dir());
            String runId = properties.runId().isBlank() ? RunIds.current() : properties.runId();
            if (properties.runId().isBlank()) {
                RunIds.sweepEnded(properties.dir(), SUFFIX);
            }
            file = properties.dir().resolve(runId + "_" + nodeId + SUFFIX);
            long[] recovered = Files.exists(file) ? read(file) : new long[0];
            out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (recovered.length > 0) {
                log.info("Recovered {} acknowledged values from {}", recovered.length, file);
            }
            return recovered;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the acknowledgement journal in " + properties.dir(), e);
        }
    }

    /** Records a value before it is acknowledged. */
    public void record(long value) {
        if (out == null) {
            return;
        }
        try {
            out.write((value + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the acknowledgement journal " + file, e);
        }
    }

    /** A node that ends normally has nothing to recover. */
    @Override
    public void destroy() throws IOException {
        if (out != null) {
            out.close();
            Files.deleteIfExists(file);
        }
    }

    private static long[] read(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.US_ASCII)) {
            // A kill mid-write leaves at most a torn last line; it was never acknowledged.
            return lines.filter(line -> line.matches("-?\\d{1,19}")).mapToLong(Long::parseLong).toArray();
        }
    }

    /** A run is the lifetime of the parent process (Maelstrom, the bench): pid plus start time. */
    static final class RunIds {
        private RunIds() {
        }

        static String current() {
            return ProcessHandle.current().parent().map(RunIds::of).orElse("orphan");
        }

        static String of(ProcessHandle process) {
            Optional<Instant> started = process.info().startInstant();
            return process.pid() + "-" + started.map(Instant::toEpochMilli).orElse(0L);
        }

        static void sweepEnded(Path dir, String suffix) throws IOException {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path journal : files.filter(path -> path.toString().endsWith(suffix)).toList()) {
                    String runId = journal.getFileName().toString().split("_", 2)[0];
                    if (!isRunning(runId)) {
                        Files.deleteIfExists(journal);
                    }
                }
            }
        }

        private static boolean isRunning(String runId) {
            String[] parts = runId.split("-", 2);
            if (parts.length != 2 || !parts[0].matches("\\d+")) {
                return false;
            }
            return ProcessHandle.of(Long.parseLong(parts[0])).map(RunIds::of).filter(runId::equals).isPresent();
        }
    }
}
