package io.glomers.bench.view;

import io.glomers.bench.run.BenchResult;
import io.glomers.bench.run.BenchRunner;
import io.glomers.bench.sim.SimRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Short simulated runs written to a test's store: real files to draw and serve, in a second or two. */
public final class SimulatedRuns {

    private SimulatedRuns() {
    }

    /** A run of {@code args} (a part and its options) with {@code seed}, stored under {@code store}. */
    public static BenchResult write(Path store, long seed, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--store-runs", "all", "--store", store.toString()));
        return SimRun.run(all, seed, "", BenchRunner.defaultChecker(), true);
    }
}
