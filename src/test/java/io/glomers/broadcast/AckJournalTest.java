package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AckJournalTest {

    @TempDir
    Path dir;

    @Test
    void aRestartOfTheSameRunGetsBackWhatWasAcknowledged() throws Exception {
        AckJournal first = new AckJournal(new JournalProperties(true, dir, "run1"));
        assertThat(first.open("n3")).isEmpty();
        first.record(5);
        first.record(-2);
        // Killed: no destroy(). The next incarnation of n3 in the same run:
        assertThat(new AckJournal(new JournalProperties(true, dir, "run1")).open("n3")).containsExactly(5, -2);
        assertThat(new AckJournal(new JournalProperties(true, dir, "run1")).open("n4")).as("another node").isEmpty();
        assertThat(new AckJournal(new JournalProperties(true, dir, "run2")).open("n3")).as("another run").isEmpty();
    }

    @Test
    void ignoresALineTornByAKill() throws Exception {
        Files.writeString(dir.resolve("run1_n1.values"), "1\n2\n3");
        Files.writeString(dir.resolve("run9_n1.values"), "1\n2\n-");
        assertThat(new AckJournal(new JournalProperties(true, dir, "run1")).open("n1")).containsExactly(1, 2, 3);
        assertThat(new AckJournal(new JournalProperties(true, dir, "run9")).open("n1")).containsExactly(1, 2);
    }

    @Test
    void aNormalEndRemovesTheJournal() throws Exception {
        AckJournal journal = new AckJournal(new JournalProperties(true, dir, "run1"));
        journal.open("n1");
        journal.record(1);
        journal.destroy();
        assertThat(dir.resolve("run1_n1.values")).doesNotExist();
    }

    @Test
    void sweepsJournalsOfRunsWhoseParentIsGone() throws Exception {
        Path stale = Files.writeString(dir.resolve("999999999-12345_n1.values"), "1\n");
        String live = AckJournal.RunIds.current();
        Path current = Files.writeString(dir.resolve(live + "_n2.values"), "2\n");
        assertThat(new AckJournal(new JournalProperties(true, dir, "")).open("n1")).isEmpty();
        assertThat(stale).doesNotExist();
        assertThat(current).exists();
    }

    @Test
    void disabledWritesNothing() throws Exception {
        AckJournal journal = new AckJournal(new JournalProperties(false, dir, "run1"));
        assertThat(journal.open("n1")).isEmpty();
        journal.record(1);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
