package io.glomers.bench.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaelstromLocatorTest {

    @TempDir
    Path dir;

    private Path executable(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "#!/bin/sh\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }

    private Path project() throws IOException {
        return Files.createDirectories(dir.resolve("work/project"));
    }

    @Test
    void theVariableComesFirst() throws IOException {
        Path named = executable(dir.resolve("opt/maelstrom"));
        Path onPath = executable(dir.resolve("bin/maelstrom"));
        executable(dir.resolve("work/shared/tools/maelstrom/maelstrom"));

        MaelstromLocator locator = new MaelstromLocator(Map.of("MAELSTROM", named.toString(), "PATH", onPath.getParent().toString()), project());

        assertThat(locator.find()).contains(named);
    }

    @Test
    void thenThePathThenTheWorkspaceBesideTheProject() throws IOException {
        Path onPath = executable(dir.resolve("bin/maelstrom"));
        Path beside = executable(dir.resolve("work/shared/tools/maelstrom/maelstrom"));
        String path = dir.resolve("empty") + ":" + onPath.getParent();

        assertThat(new MaelstromLocator(Map.of("PATH", path), project()).find()).contains(onPath);
        assertThat(new MaelstromLocator(Map.of("PATH", dir.resolve("empty").toString()), project()).find()).contains(beside);
    }

    @Test
    void nothingFoundSaysWhereItLooked() throws IOException {
        MaelstromLocator locator = new MaelstromLocator(Map.of("PATH", dir.resolve("empty").toString()), project());

        assertThat(locator.find()).isEmpty();
        assertThat(locator.whereLooked()).doesNotContain("\n")
                .contains("$MAELSTROM (unset)", "maelstrom on the PATH (none)",
                        dir.resolve("work/shared/tools/maelstrom/maelstrom") + " (missing)");
    }

    @Test
    void aVariableNamingNoExecutableIsAnErrorNotAMiss() throws IOException {
        MaelstromLocator locator = new MaelstromLocator(Map.of("MAELSTROM", dir.resolve("nowhere").toString()), project());

        assertThatThrownBy(locator::find).hasMessageContaining("MAELSTROM=" + dir.resolve("nowhere"))
                .hasMessageContaining("not an executable file");
    }
}
