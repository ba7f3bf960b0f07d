package io.glomers.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.BenchRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hundred seeded runs of the swarm's mix (5 and 25 nodes; partitions, duplication, reordering,
 * delay spikes) are all valid, and a deliberately broken dissemination is caught within 50 seeds
 * with a seed that replays the failure exactly.
 */
class SwarmTest {

    @TempDir
    Path store;

    /** Retries and gap repair pushed beyond any run: a value lost to a partition stays lost. */
    static final List<String> NEVER_RETRANSMIT = List.of("broadcast.retransmit-timeout=1000d",
            "broadcast.max-retransmit-timeout=1000d", "broadcast.repair-grace=1000d");

    @Test
    void twoHundredSeededRunsAreAllValid() throws IOException {
        Swarm swarm = new Swarm("", List.of(), List.of(), Swarm.MIX);
        Set<Integer> nodeCounts = new TreeSet<>();
        Swarm.Report report = swarm.run(200, 8_000, null, result -> nodeCounts.add(result.bench().options().nodeCount()));
        System.err.println("SwarmTest: " + report.summary());
        assertThat(report.replays()).isEmpty();
        assertThat(nodeCounts).containsExactly(5, 25);
    }

    @Test
    void aBrokenDisseminationIsCaughtAndItsSeedReplaysTheFailure() throws IOException {
        Swarm broken = new Swarm("", NEVER_RETRANSMIT, List.of(), Swarm.MIX);
        SimResult failed = null;
        long failingSeed = -1;
        for (long seed = 500; seed < 550 && failed == null; seed++) {
            SimResult result = simulate(broken, seed);
            if (!result.valid()) {
                failed = result;
                failingSeed = seed;
            }
        }
        assertThat(failed).as("a failing seed within 50").isNotNull();
        System.err.println("SwarmTest: broken dissemination caught at seed " + failingSeed + ": "
                + broken.replayCommand(failingSeed) + " # " + failed.bench().reasons());

        SimResult replayed = simulate(broken, failingSeed, "--store-runs", "failed", "--store", store.toString());
        assertThat(replayed.valid()).isFalse();
        assertThat(replayed.bench().reasons()).isEqualTo(failed.bench().reasons());
        assertThat(replayed.bench().history()).isEqualTo(failed.bench().history());
        assertThat(replayed.bench().net()).isEqualTo(failed.bench().net());
        assertThat(replayed.bench().workload().lost()).isNotEmpty().isEqualTo(failed.bench().workload().lost());
        // The failed run is kept for study, journal and all; a valid one leaves nothing behind.
        assertThat(replayed.bench().dir()).isNotNull();
        for (String file : List.of("results.edn", "history.edn", "messages.log")) {
            assertThat(replayed.bench().dir().resolve(file)).isNotEmptyFile();
        }
        SimResult valid = simulate(new Swarm("", List.of(), List.of(), Swarm.MIX), failingSeed,
                "--store-runs", "failed", "--store", store.resolve("valid").toString());
        assertThat(valid.valid()).isTrue();
        assertThat(valid.bench().dir()).isNull();
        assertThat(store.resolve("valid")).doesNotExist();
    }

    private static SimResult simulate(Swarm swarm, long seed, String... storeArgs) throws IOException {
        List<String> args = new ArrayList<>(swarm.argsFor(seed));
        args.addAll(storeArgs.length > 0 ? List.of(storeArgs) : List.of("--store-runs", "none"));
        return SimRun.simulate(args, seed, swarm.profile(), swarm.overrides(),
                BenchRunner.defaultChecker(), true);
    }
}
