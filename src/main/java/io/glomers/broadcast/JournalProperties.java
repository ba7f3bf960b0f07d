package io.glomers.broadcast;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The acknowledgement journal: values a node acknowledged, kept in a node-private file so that a
 * process killed before it passed them on gets them back when it restarts. Defaults in
 * {@code config/application.properties}.
 *
 * @param enabled keep the journal (the launcher turns it on; tests and in-process benches leave it off)
 * @param dir     where journals live, one file per node per run
 * @param runId   identifies the test run, so that a restart finds its journal and a new run does not;
 *                blank: derived from the parent process (Maelstrom or the bench), which outlives restarts
 */
@ConfigurationProperties(JournalProperties.PREFIX)
public record JournalProperties(
        boolean enabled,
        Path dir,
        String runId) {

    public static final String PREFIX = "broadcast.journal";

    public JournalProperties {
        if (dir == null || runId == null) {
            throw new IllegalArgumentException("broadcast.journal.dir and run-id must be set (run-id may be blank)");
        }
    }
}
