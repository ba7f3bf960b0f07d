package io.glomers.broadcast;

import static io.glomers.broadcast.BroadcastProperties.Strategy.DIRECT;
import static io.glomers.broadcast.BroadcastProperties.Strategy.STAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What is sent to whom, what is retried, and when it stops, on virtual time. */
class GossiperTest {

    private static final Duration QUIET = Duration.ofSeconds(60);

    @Test
    void directSendsAClientValueToEveryPeerInOneHopThenFallsSilent() {
        GossipCluster cluster = new GossipCluster(5, GossipCluster.properties(DIRECT, 0, 0), 100, 1);
        settle(cluster);
        int before = cluster.messages();

        cluster.broadcast("n2", 42);
        assertThat(cluster.messages() - before).as("one message per peer, sent before accept returns").isEqualTo(4);
        cluster.advance(Duration.ofMillis(100));
        assertThat(cluster.converged(new long[] {42})).isTrue();

        cluster.advance(QUIET);
        // Each peer acknowledges once, by a bare summary after the ack delay; nothing is retransmitted.
        assertThat(cluster.messages() - before).isEqualTo(8);
        int idle = cluster.messages();
        cluster.advance(QUIET);
        assertThat(cluster.messages()).as("an idle cluster sends nothing").isEqualTo(idle);
    }

    @Test
    void starGoesThroughTheHubWhichForwardsAtOnceWhenIdleAndBatchesWhenBusy() {
        GossipCluster cluster = new GossipCluster(5, GossipCluster.properties(STAR, 0, 100), 100, 2);
        settle(cluster);
        int before = cluster.messages();

        cluster.broadcast("n3", 1);
        assertThat(cluster.messages() - before).as("the origin sends to the hub only").isEqualTo(1);
        cluster.advance(Duration.ofMillis(10));
        cluster.broadcast("n4", 2);
        cluster.advance(Duration.ofMillis(10));
        cluster.broadcast("n1", 3);
        cluster.advance(Duration.ofMillis(80));
        // t=100: value 1 reaches the idle hub, which forwards it at once to the three nodes lacking it.
        assertThat(cluster.messages() - before).isEqualTo(3 + 3);
        cluster.advance(Duration.ofMillis(99));
        assertThat(cluster.messages() - before).as("2 and 3 wait for the hub's next tick").isEqualTo(3 + 3);
        cluster.advance(Duration.ofMillis(1));
        // t=200: one tick carries 2 and 3 to each of the four peers (less what each originated).
        assertThat(cluster.messages() - before).isEqualTo(3 + 3 + 4);
        cluster.advance(Duration.ofMillis(100));
        assertThat(cluster.converged(new long[] {1, 2, 3})).isTrue();

        assertFallsSilent(cluster);
    }

    @Test
    void lingerCollectsAClientsValuesIntoOneMessage() {
        GossipCluster cluster = new GossipCluster(3, GossipCluster.properties(DIRECT, 50, 0), 10, 3);
        settle(cluster);
        int before = cluster.messages();
        cluster.broadcast("n1", 1);
        cluster.advance(Duration.ofMillis(20));
        cluster.broadcast("n1", 2);
        cluster.advance(Duration.ofMillis(40));
        assertThat(cluster.messages() - before).as("both values in one message per peer").isEqualTo(2);
        cluster.advance(Duration.ofMillis(20));
        assertThat(cluster.converged(new long[] {1, 2})).isTrue();
    }

    @Test
    void retransmitsWithBackoffWhileCutOffAndDeliversAfterTheHeal() {
        GossipCluster cluster = new GossipCluster(3, GossipCluster.properties(DIRECT, 0, 0), 10, 4);
        settle(cluster);
        cluster.partition(Set.of("n2"));
        cluster.broadcast("n0", 7);
        cluster.advance(Duration.ofSeconds(1));
        assertThat(cluster.values("n2")).isEmpty();
        int atCut = cluster.messages();
        cluster.advance(Duration.ofSeconds(20));
        int retries = cluster.messages() - atCut;
        // 1.5 s, then 3 s apart (the ceiling): about 7 tries in 20 s, not one per flush.
        assertThat(retries).isBetween(5, 9);

        cluster.heal();
        long took = cluster.awaitConvergence(new long[] {7}, Duration.ofSeconds(5));
        assertThat(took).as("converges within one retransmit ceiling of the heal").isBetween(0L, 3_100L);
        assertFallsSilent(cluster);
    }

    @Test
    void aSummaryThatStillLacksAnOldValueGetsItSentAgainWithoutWaitingForTheTimer() {
        // A retransmit timer far beyond the test: only the summary's evidence can bring the value.
        BroadcastProperties properties = GossipCluster.properties(STAR, 0, 50,
                "broadcast.retransmit-timeout=20s", "broadcast.max-retransmit-timeout=30s", "broadcast.repair-grace=2s");
        GossipCluster cluster = new GossipCluster(3, properties, 10, 7);
        settle(cluster);
        cluster.partition(Set.of("n2"));
        cluster.broadcast("n1", 7);
        cluster.advance(Duration.ofSeconds(2));
        assertThat(cluster.values("n0")).containsExactly(7);
        assertThat(cluster.values("n2")).as("the hub's delivery was dropped").isEmpty();

        cluster.heal();
        cluster.broadcast("n2", 8);
        // n2's message to the hub says it lacks 7, which the hub sent two seconds ago: lost, so sent again.
        cluster.advance(Duration.ofMillis(100));
        assertThat(cluster.values("n2")).containsExactly(7, 8);
        assertThat(cluster.converged(new long[] {7, 8})).isTrue();
    }

    @Test
    void aRestartedNodeGetsEverythingBack() {
        for (BroadcastProperties.Strategy strategy : BroadcastProperties.Strategy.values()) {
            for (String victim : List.of("n0", "n3")) {
                GossipCluster cluster = new GossipCluster(5, GossipCluster.properties(strategy, 0, 50), 50, 5);
                settle(cluster);
                LongStream.range(0, 20).forEach(v -> cluster.broadcast(cluster.ids().get((int) (v % 5)), v));
                cluster.advance(Duration.ofSeconds(5));
                long[] all = LongStream.range(0, 20).toArray();
                assertThat(cluster.converged(all)).isTrue();

                cluster.start(victim);
                assertThat(cluster.values(victim)).isEmpty();
                assertThat(cluster.awaitConvergence(all, Duration.ofSeconds(10)))
                        .as("%s restarted under %s", victim, strategy).isNotNegative();
            }
        }
    }

    @Test
    void aGreetingLostToAPartitionIsRetriedUntilTheHubAnswers() {
        GossipCluster cluster = new GossipCluster(3, GossipCluster.properties(STAR, 0, 50), 10, 6);
        settle(cluster);
        LongStream.range(0, 5).forEach(v -> cluster.broadcast("n1", v));
        cluster.advance(Duration.ofSeconds(5));
        long[] all = LongStream.range(0, 5).toArray();
        assertThat(cluster.converged(all)).isTrue();

        // n2 restarts cut off from everyone: its greeting to the hub is dropped, and nobody has news for it.
        cluster.partition(Set.of("n2"));
        cluster.start("n2");
        cluster.advance(Duration.ofSeconds(10));
        assertThat(cluster.values("n2")).isEmpty();
        cluster.heal();
        assertThat(cluster.awaitConvergence(all, Duration.ofSeconds(10)))
                .as("the retried greeting reaches the hub, which refills n2").isNotNegative();
        assertFallsSilent(cluster);
    }

    @Test
    void survivesRandomPartitionsAndRestartsOverManySeeds() {
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            BroadcastProperties.Strategy strategy = seed % 2 == 0 ? STAR : DIRECT;
            GossipCluster cluster = new GossipCluster(5, GossipCluster.properties(strategy, 0, 50), 20, seed);
            long value = 0;
            for (int round = 0; round < 6; round++) {
                if (random.nextBoolean()) {
                    cluster.partition(new HashSet<>(List.of("n" + random.nextInt(5), "n" + random.nextInt(5))));
                }
                if (random.nextInt(4) == 0) {
                    cluster.start("n" + random.nextInt(5));
                }
                for (int i = 0; i < 10; i++) {
                    cluster.broadcast("n" + random.nextInt(5), value++);
                    cluster.advance(Duration.ofMillis(random.nextInt(200)));
                }
                cluster.advance(Duration.ofSeconds(random.nextInt(5)));
                cluster.heal();
            }
            long[] all = LongStream.range(0, value).toArray();
            long took = cluster.awaitConvergence(all, Duration.ofSeconds(10));
            assertThat(took).as("seed %d (%s) converges after the last heal", seed, strategy).isNotNegative();
        }
    }

    /** Once everything is delivered and acknowledged, nothing more is sent. */
    private static void assertFallsSilent(GossipCluster cluster) {
        cluster.advance(QUIET);
        int idle = cluster.messages();
        cluster.advance(QUIET);
        assertThat(cluster.messages()).as("an idle cluster sends nothing").isEqualTo(idle);
    }

    /** Lets the start-up greetings and their acknowledgements finish. */
    @Test
    void whatExceedsTheLimitsLeavesInSeveralMessagesAndStillReachesEveryNode() {
        BroadcastProperties limited = GossipCluster.properties(STAR, 0, 50,
                "broadcast.limits.max-values-per-gossip=3", "broadcast.limits.max-summary-ranges=2");
        GossipCluster cluster = new GossipCluster(3, limited, 10, 8);
        settle(cluster);
        // Ten values, no two consecutive: ten ranges, five times what a summary may hold.
        long[] expected = LongStream.range(0, 10).map(i -> 3 * i - 12).toArray();
        for (long value : expected) {
            cluster.broadcast("n1", value);
        }
        assertThat(cluster.awaitConvergence(expected, Duration.ofSeconds(30))).isNotNegative();
        assertThat(cluster.sent()).allSatisfy(gossip -> {
            assertThat(gossip.values()).hasSizeLessThanOrEqualTo(3);
            assertThat(gossip.have().length).isLessThanOrEqualTo(2);
        });
        assertThat(cluster.sent()).as("the hub relays the ten values in several messages to each peer")
                .filteredOn(gossip -> gossip.values().length == 3).hasSizeGreaterThanOrEqualTo(3);
    }

    private static void settle(GossipCluster cluster) {
        cluster.advance(QUIET);
    }
}
