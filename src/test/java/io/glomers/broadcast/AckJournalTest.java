package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glomers.runtime.ErrorCode;
import io.glomers.runtime.MaelstromException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class AckJournalTest {

    @TempDir
    Path dir;

    @Test
    void aRestartOfTheSameRunGetsBackWhatWasAcknowledged() throws Exception {
        AckJournal first = AckJournal.of(new JournalProperties(true, dir, "run1"));
        assertThat(first.open("n3")).isEmpty();
        first.record(5);
        first.record(-2);
        // Killed: no destroy(). The next incarnation of n3 in the same run:
        assertThat(AckJournal.of(new JournalProperties(true, dir, "run1")).open("n3")).containsExactly(5, -2);
        assertThat(AckJournal.of(new JournalProperties(true, dir, "run1")).open("n4")).as("another node").isEmpty();
        assertThat(AckJournal.of(new JournalProperties(true, dir, "run2")).open("n3")).as("another run").isEmpty();
    }

    @Test
    void ignoresALineTornByAKill() throws Exception {
        Files.writeString(dir.resolve("run1_n1.values"), "1\n2\n3");
        Files.writeString(dir.resolve("run9_n1.values"), "1\n2\n-");
        assertThat(AckJournal.of(new JournalProperties(true, dir, "run1")).open("n1")).containsExactly(1, 2, 3);
        assertThat(AckJournal.of(new JournalProperties(true, dir, "run9")).open("n1")).containsExactly(1, 2);
    }

    @Test
    void aNormalEndRemovesTheJournal() throws Exception {
        AckJournal journal = AckJournal.of(new JournalProperties(true, dir, "run1"));
        journal.open("n1");
        journal.record(1);
        journal.destroy();
        assertThat(dir.resolve("run1_n1.values")).doesNotExist();
    }

    @Test
    void sweepsJournalsOfRunsWhoseParentIsGone() throws Exception {
        Path stale = Files.writeString(dir.resolve("999999999-12345_n1.values"), "1\n");
        String live = io.glomers.runtime.NodeProcess.current().runId();
        Path current = Files.writeString(dir.resolve(live + "_n2.values"), "2\n");
        assertThat(AckJournal.of(new JournalProperties(true, dir, "")).open("n1")).isEmpty();
        assertThat(stale).doesNotExist();
        assertThat(current).exists();
    }

    @Test
    void disabledWritesNothing() throws Exception {
        AckJournal journal = AckJournal.of(new JournalProperties(false, dir, "run1"));
        assertThat(journal.open("n1")).isEmpty();
        journal.record(1);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anUnusableDirectoryRefusesAcknowledgementsAndSaysWhy(CapturedOutput output) throws Exception {
        // A file where the directory should be: as root, permissions would not stop the write.
        Path notADirectory = Files.writeString(dir.resolve("journal"), "");
        AckJournal journal = AckJournal.of(new JournalProperties(true, notADirectory, "run1"));
        assertThat(journal.open("n1")).as("the node still starts").isEmpty();
        assertThat(output.getAll()).contains("cannot be written").contains("refused with error 13")
                .contains(notADirectory.toString());

        assertThatThrownBy(() -> journal.record(7)).isInstanceOfSatisfying(MaelstromException.class, e -> {
            assertThat(e.getCode()).isEqualTo(ErrorCode.CRASH);
            assertThat(e.getMessage()).contains("not acknowledged").contains(notADirectory.toString());
        });
    }

    @Test
    void aFullDiskRefusesUntilThereIsRoomAgain(CapturedOutput output) throws Exception {
        Path file = dir.resolve("run1_n1.values");
        Files.createSymbolicLink(file, Path.of("/dev/full")); // every write fails with ENOSPC
        AckJournal journal = AckJournal.of(new JournalProperties(true, dir, "run1"));
        journal.open("n1");
        assertThatThrownBy(() -> journal.record(1)).isInstanceOf(MaelstromException.class)
                .hasMessageContaining("No space left on device");
        assertThatThrownBy(() -> journal.record(2)).as("each write tries again").isInstanceOf(MaelstromException.class);
        assertThat(output.getAll()).containsOnlyOnce("cannot be written");

        Files.delete(file); // room again
        journal.record(3);
        assertThat(output.getAll()).contains("writable again");
        assertThat(AckJournal.of(new JournalProperties(true, dir, "run1")).open("n1")).containsExactly(3);
    }
}
