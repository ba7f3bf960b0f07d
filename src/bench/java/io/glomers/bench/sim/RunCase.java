package io.glomers.bench.sim;

import io.glomers.bench.run.BenchRunner;
import io.glomers.bench.plant.Plant;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated run, complete: its bench arguments, seed and node (profile, property overrides,
 * planted defect). The same case always replays the same history.
 */
public record RunCase(List<String> args, long seed, String profile, List<String> overrides, Plant plant) {

    public RunCase {
        args = List.copyOf(args);
        overrides = List.copyOf(overrides);
    }

    public RunCase withArgs(List<String> changed) {
        return new RunCase(changed, seed, profile, overrides, plant);
    }

    /** Runs it on virtual time; nothing is written unless {@code storeArgs} (e.g. --store-runs all --store DIR) say so. */
    public SimResult replay(String... storeArgs) throws IOException {
        List<String> withStore = new ArrayList<>(args);
        withStore.addAll(storeArgs.length > 0 ? List.of(storeArgs) : List.of("--store-runs", "none"));
        return SimRun.simulate(withStore, seed, profile, overrides, plant, BenchRunner.defaultChecker(), true);
    }

    /** The command that replays it bit for bit. */
    public String command() {
        StringBuilder command = new StringBuilder("bin/challenge sim --runs 1 --seed ").append(seed);
        if (!profile.isBlank()) {
            command.append(" --profile ").append(profile);
        }
        overrides.forEach(override -> command.append(" --node-property ").append(override));
        if (plant != Plant.NONE) {
            command.append(" --plant ").append(plant.id());
        }
        return command.append(' ').append(String.join(" ", args)).toString();
    }
}
