package io.glomers.bench.check;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Locates the real Maelstrom runs kept with the tests ({@code src/test/resources/maelstrom-runs}, see its
 * README), for fidelity tests and reports. They are read from the test classpath, so any working
 * directory will do and nothing outside the repository is needed.
 */
public final class MaelstromRuns {

    static final String FOLDER = "maelstrom-runs";

    private MaelstromRuns() {
    }

    public static Path dir(String run) {
        URL url = MaelstromRuns.class.getResource("/" + FOLDER + "/" + run + "/results.edn");
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("Maelstrom reference run '" + run + "' not found on the test classpath"
                    + " (expected src/test/resources/" + FOLDER + "/" + run + "/results.edn, copied to target/test-classes"
                    + " by the build: run ./mvnw test-compile)");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unreadable location of Maelstrom reference run '" + run + "': " + url, e);
        }
    }
}
