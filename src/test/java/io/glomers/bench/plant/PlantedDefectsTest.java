package io.glomers.bench.plant;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.sim.SimResult;
import io.glomers.bench.sim.Swarm;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The swarm catches every planted defect within the 200 seeds the node as it is passes
 * ({@code SwarmTest}), and each failure replays bit for bit.
 */
class PlantedDefectsTest {

    private static final long BASE = 8_000;
    private static final int SEEDS = 200;

    @ParameterizedTest
    @EnumSource(value = Plant.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void theSwarmCatchesThePlantedDefect(Plant plant) throws IOException {
        Swarm swarm = new Swarm("", List.of(), List.of(), plant);
        SimResult failed = null;
        long seed = BASE;
        for (; seed < BASE + SEEDS && failed == null; seed++) {
            SimResult result = swarm.runCase(seed).replay();
            if (!result.valid()) {
                failed = result;
            }
        }

        assertThat(failed).as("%s caught within %d seeds", plant.id(), SEEDS).isNotNull();
        long caughtAt = seed - 1;
        System.err.printf("PlantedDefectsTest: %s caught by seed %d, the %d%s seed: %s%n", plant.id(), caughtAt,
                caughtAt - BASE + 1, caughtAt - BASE == 0 ? "st" : "th", failed.bench().reasons());
        assertThat(swarm.runCase(caughtAt).replay().bench().history()).isEqualTo(failed.bench().history());
    }
}
