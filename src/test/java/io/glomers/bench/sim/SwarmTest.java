package io.glomers.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.glomers.bench.run.BenchOptions;
import io.glomers.bench.nemesis.Fault;
import io.glomers.bench.run.BenchRunner;
import io.glomers.bench.options.RunArguments;
import io.glomers.bench.net.NetFaults;
import io.glomers.bench.plant.Plant;
import io.glomers.bench.shrink.ShrinkReport;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Swarm testing: each seed draws its own mix (part, nemeses, latency, network faults), a pure
 * function of the seed that always parses; two hundred seeded runs (5 and 25 nodes; partitions,
 * kills, pauses, duplication, reordering, delay spikes) are all valid, and a deliberately broken
 * dissemination is caught within 50 seeds with a seed that replays the failure exactly.
 */
class SwarmTest {

    @TempDir
    Path store;

    /** How long a failure here may take to shrink before its message is written. */
    static final Duration SHRINK_BUDGET = Duration.ofMinutes(2);

    /** Retries and gap repair pushed beyond any run: a value lost to a partition stays lost. */
    static final List<String> NEVER_RETRANSMIT = List.of("broadcast.retransmit-timeout=1000d",
            "broadcast.max-retransmit-timeout=1000d", "broadcast.repair-grace=1000d");

    @Test
    void twoHundredSeedsDrawTwoHundredDifferentMixes() {
        Set<String> lines = new HashSet<>();
        Set<Set<Fault>> nemesisSets = new HashSet<>();
        Set<String> parts = new TreeSet<>();
        for (long seed = 8_000; seed < 8_200; seed++) {
            List<String> args = Swarm.draw(seed);
            lines.add(String.join(" ", args));
            parts.add(args.get(0));
            nemesisSets.add(RunArguments.parse(args, seed).faults());
        }
        assertThat(lines).as("distinct mixes over 200 seeds").hasSizeGreaterThanOrEqualTo(190);
        assertThat(parts).containsExactly("3b", "3c", "3d", "3e");
        assertThat(nemesisSets).as("none and every subset of partition, kill, pause").hasSize(8);
    }

    @Test
    void theSameSeedDrawsTheSameArgumentsAndFixedArgumentsStayFixed() {
        Swarm swarm = new Swarm("", List.of(), List.of());
        Swarm fixed = new Swarm("", List.of(), List.of("3d", "--nemesis", "kill"));
        for (long seed = -50; seed < 50; seed++) {
            assertThat(swarm.argsFor(seed)).isEqualTo(Swarm.draw(seed)).isEqualTo(new Swarm("lean", List.of(), List.of()).argsFor(seed));
            assertThat(fixed.argsFor(seed)).containsExactly("3d", "--nemesis", "kill");
        }
        assertThat(swarm.replayCommand(8_013)).isEqualTo("bin/challenge sim --runs 1 --seed 8013 "
                + String.join(" ", Swarm.draw(8_013)));
    }

    @Test
    void whereToKeepRunsAloneDoesNotFixTheMixTheSeedDraws() {
        Swarm storing = new Swarm("", List.of(), List.of("--store-runs", "none", "--store", "runs"));
        Swarm fixedAndStoring = new Swarm("", List.of(), List.of("--store-runs", "none", "--node-count", "3"));
        for (long seed = 0; seed < 20; seed++) {
            List<String> expected = new ArrayList<>(Swarm.draw(seed));
            expected.addAll(List.of("--store-runs", "none", "--store", "runs"));
            assertThat(storing.argsFor(seed)).isEqualTo(expected);
            assertThat(fixedAndStoring.argsFor(seed)).containsExactly("--store-runs", "none", "--node-count", "3");
        }
    }

    @Test
    void everyDrawnLineIsValidBenchOptionsAndAsCheapAsTheFixedMixWas() {
        int seeds = 20_000;
        int big = 0;
        Set<String> options = new TreeSet<>();
        for (long seed = 0; seed < seeds; seed++) {
            List<String> args = Swarm.draw(seed);
            BenchOptions parsed = RunArguments.parse(args, seed);
            assertThat(parsed.part()).as("%s", args).isIn("3b", "3c", "3d", "3e");
            assertThat(parsed.nemesisInterval()).as("%s", args).isPositive();
            assertThat(parsed.latency().meanMillis()).as("%s", args).isBetween(0L, 200L);
            NetFaults faults = parsed.netFaults();
            assertThat(faults.duplicateProbability()).as("%s", args).isBetween(0.0, 0.2);
            assertThat(faults.reorderProbability()).as("%s", args).isBetween(0.0, 0.5);
            assertThat(faults.delaySpikeProbability()).as("%s", args).isBetween(0.0, 0.05);
            assertThat(faults.delaySpike()).as("%s", args).isLessThanOrEqualTo(Duration.ofSeconds(3));
            if (parsed.nodeCount() == 25) {
                big++;
            }
            args.stream().filter(arg -> arg.startsWith("--")).forEach(options::add);
        }
        // The fixed mix had 6 of its 12 lines on 25 nodes; those runs are nearly all of a swarm's cost.
        assertThat((double) big / seeds).isBetween(0.48, 0.52);
        assertThat(options).containsExactlyInAnyOrder("--nemesis", "--nemesis-interval", "--latency", "--latency-dist",
                "--duplicate-probability", "--reorder-probability", "--reorder-window", "--delay-spike-probability",
                "--delay-spike");
    }

    @Test
    void twoHundredSeededRunsAreAllValid() throws IOException {
        Swarm swarm = new Swarm("", List.of(), List.of());
        Set<Integer> nodeCounts = new TreeSet<>();
        Swarm.Report report = swarm.run(200, 8_000, null, result -> nodeCounts.add(result.bench().options().nodeCount()));
        System.err.println("SwarmTest: " + report.summary());
        if (report.failed() > 0) {
            fail(ShrinkReport.forSwarm(swarm, report, SHRINK_BUDGET));
        }
        assertThat(nodeCounts).containsExactly(5, 25);
    }

    @Test
    void aBrokenDisseminationIsCaughtAndItsSeedReplaysTheFailure() throws IOException {
        Swarm broken = new Swarm("", NEVER_RETRANSMIT, List.of());
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
        assertThat(replayed.bench().outcome().lost()).isNotEmpty().isEqualTo(failed.bench().outcome().lost());
        // The failed run is kept for study, journal and all; a valid one leaves nothing behind.
        assertThat(replayed.bench().dir()).isNotNull();
        for (String file : List.of("results.edn", "history.edn", "messages.log")) {
            assertThat(replayed.bench().dir().resolve(file)).isNotEmptyFile();
        }
        SimResult valid = simulate(new Swarm("", List.of(), List.of()), failingSeed,
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

    /** Runs side by side share stderr: each node's log line names its run's seed (the run's thread). */
    @Test
    void runsSideBySideLogUnderTheirSeeds() throws IOException {
        // Wired first: the one Spring Boot context behind every simulated node sets logging up afresh.
        SimRun.nodes("", List.of(), Plant.NONE);
        Logger logger = (Logger) LoggerFactory.getLogger("io.glomers.broadcast.AdaptiveDissemination");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(lines);
        try {
            new Swarm("", List.of(), List.of("3d", "--time-limit", "5", "--store-runs", "none")).run(2, 40, 2, null, result -> { });
        } finally {
            logger.detachAppender(lines);
            logger.setLevel(level);
        }
        assertThat(lines.list).filteredOn(line -> line.getFormattedMessage().startsWith("Plan 1:"))
                .extracting(ILoggingEvent::getThreadName).containsExactlyInAnyOrder("seed-40", "seed-41");
        assertThat(lines.list).extracting(ILoggingEvent::getThreadName).containsOnly("seed-40", "seed-41");
    }

    @Test
    void aSwarmKeepsFailedRunsUnderStoreSimUnlessTheArgumentsSayWhereOrWhich() {
        assertThat(Swarm.withStoreDefaults(List.of("3c"))).containsExactly("3c", "--store", "store/sim", "--store-runs", "failed");
        assertThat(Swarm.withStoreDefaults(List.of("3c", "--store", "runs-x")))
                .containsExactly("3c", "--store", "runs-x", "--store-runs", "failed");
        assertThat(Swarm.withStoreDefaults(List.of("3c", "--store-runs", "all")))
                .containsExactly("3c", "--store-runs", "all", "--store", "store/sim");
    }
}
