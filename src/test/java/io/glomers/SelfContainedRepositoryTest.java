package io.glomers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's clone has nothing beside it: no file the build or the tests use may name the workspace's
 * reference folder. (Real Maelstrom beside the project is looked for, optionally, by the bench's
 * {@code MaelstromLocator}, under another path.)
 */
class SelfContainedRepositoryTest {

    /** Spelled in two pieces, so that this file does not name it. */
    private static final String WORKSPACE_REFERENCES = "shared" + "/reference";

    @Test
    void nothingUnderSrcBinOrCiNamesTheWorkspacesReferenceFolder() throws IOException {
        assertThat(filesNaming(WORKSPACE_REFERENCES, Path.of("src"), Path.of("bin"), Path.of(".ci"))).isEmpty();
    }

    @Test
    void theScanFindsTheNameWhereItIs(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("reads-it.sh"), "cat ../" + WORKSPACE_REFERENCES + "/maelstrom.md\n");
        Files.writeString(dir.resolve("clean.sh"), "echo fine\n");

        assertThat(filesNaming(WORKSPACE_REFERENCES, dir)).containsExactly(dir.resolve("reads-it.sh"));
    }

    private static List<Path> filesNaming(String text, Path... roots) throws IOException {
        List<Path> naming = new ArrayList<>();
        for (Path root : roots) {
            assertThat(root).isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    // Any bytes read as Latin-1: binary files are scanned too, and an ASCII name is found in any encoding of it.
                    if (Files.readString(file, StandardCharsets.ISO_8859_1).contains(text)) {
                        naming.add(file);
                    }
                }
            }
        }
        return naming;
    }
}
