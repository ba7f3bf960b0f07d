package io.glomers.broadcast;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The acknowledgement journal: values a node acknowledged, kept in a node-private file so that a
 * process killed before it passed them on gets them back when it restarts.
 *
 * @param enabled keep the journal (the launcher turns it on; tests and in-process benches leave it off)
 * @param dir     where journals live, one file per node per run; default: the system temp dir
 * @param runId   identifies the test run, so that a restart finds its journal and a new run does not;
 *                blank: derived from the parent process (Maelstrom or the bench), which outlives restarts
 */
@ConfigurationProperties(JournalProperties.PREFIX)
public record JournalProperties(
        @DefaultValue("false") boolean enabled,
        Path dir,
        @DefaultValue("") String runId) {

    public static final String PREFIX = "broadcast.journal";

    public JournalProperties {
        if (dir == null) {
            dir = Path.of(System.getProperty("java.io.tmpdir"), "broadcast-node-journal");
        }
    }

    public static JournalProperties disabled() {
        return new JournalProperties(false, null, "");
    }
}
