package io.glomers.bench.shrink;

import io.glomers.bench.sim.Swarm;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A shrink's outcome as the console prints it and a failing test's message carries it. */
public final class ShrinkReport {

    private ShrinkReport() {
    }

    /**
     * A failed swarm as a test failure says it: every failed seed's replay, then the first failure
     * shrunk within {@code budget} (nothing stored), so the message carries the small replay.
     */
    public static String forSwarm(Swarm swarm, Swarm.Report report, Duration budget) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(report.summary());
        report.replays().forEach(replay -> lines.add("replay: " + replay));
        if (report.failed() > 0) {
            lines.add("the first failure, shrunk:");
            Shrinker shrinker = new Shrinker(budget, System::nanoTime, progress -> { });
            lines.addAll(lines(shrinker.shrink(swarm.runCase(report.failedSeeds().get(0)), null)));
        }
        return String.join(System.lineSeparator(), lines);
    }

    public static List<String> lines(Shrinker.Result shrunk) {
        List<String> lines = new ArrayList<>();
        lines.add(shrunk.summary());
        lines.add("replay: " + shrunk.shrunk().command());
        lines.add("  " + shrunk.failure().bench().operations() + " client operations; replayed once more: the same history");
        shrunk.story().forEach(line -> lines.add("  " + line));
        if (shrunk.stored() != null) {
            lines.add("  stored with its pictures: " + shrunk.stored() + " (messages.svg tells the story)");
        }
        return lines;
    }
}
