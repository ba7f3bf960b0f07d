package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.sched.VirtualTime;
import io.glomers.runtime.InitGate;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The hops before the hub's first plan, and the wait for them (docs/dissemination.md, "Before the first plan"). */
class StartHopsTest {

    private final VirtualTime time = new VirtualTime();
    private final InitGate gate = new InitGate(time, Optional.empty());

    @Test
    void theLongestHopIsABoundedNetworksTopButNotAnExponentialsLargestDraw() {
        assertThat(StartHops.longestHop(LongStream.generate(() -> 100).limit(24).toArray())).isEqualTo(100);
        // 24 hops spread evenly over a uniform network's 0-400 ms.
        long[] uniform = IntStream.range(0, 24).mapToLong(i -> Math.round(400 * (i + 0.5) / 24)).toArray();
        assertThat(StartHops.longestHop(uniform)).isBetween(380L, 420L);
        // 24 hops at the quantiles of a 50 ms exponential: the largest is 186 ms, and two hops of the
        // largest would not fit 480 ms either; the start reads the network, not its lottery.
        long[] exponential = IntStream.range(0, 24).mapToLong(i -> Math.round(-50 * Math.log(1 - (i + 0.5) / 24))).toArray();
        assertThat(StartHops.longestHop(exponential)).isLessThan(exponential[23]).isLessThan(240);
        assertThat(StartHops.longestHop(new long[0])).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theHubTakesEnoughRoundsForTwoDozenHopsButNoMoreThanThree() {
        assertThat(StartHops.rounds(24)).as("25 nodes: one greeting each").isEqualTo(1);
        assertThat(StartHops.rounds(49)).isEqualTo(1);
        assertThat(StartHops.rounds(17)).isEqualTo(2);
        assertThat(StartHops.rounds(12)).as("13 nodes: 36 hops, two from each answer back").isEqualTo(2);
        assertThat(StartHops.rounds(9)).as("10 nodes: 27 hops in two rounds").isEqualTo(2);
        assertThat(StartHops.rounds(7)).as("8 nodes: 21 hops in two would be too few").isEqualTo(3);
        assertThat(StartHops.rounds(4)).as("5 nodes: 20 hops").isEqualTo(3);
        assertThat(StartHops.rounds(1)).as("each round is a round trip before the workload").isEqualTo(3);
    }

    @Test
    void aPeersAnswerBackBringsTheHopTheHubsAnswerTookToo() {
        InitGate.Hold hold = gate.hold(Duration.ofSeconds(4));
        StartHops hub = new StartHops(2, 0, hold);
        // Each peer: its greeting, then two answers back, each with the hop of the hub's answer it answers.
        assertThat(hub.heardAtHub("n1", true, 0, 50, null)).isFalse();
        assertThat(hub.heardAtHub("n2", true, 0, 60, null)).isFalse();
        assertThat(hub.heardAtHub("n1", false, 200, 270, 80L)).isFalse();
        assertThat(hub.heardAtHub("n2", false, 200, 290, -5L)).as("a clock that disagrees reports no hop").isFalse();
        assertThat(hub.heardAtHub("n1", false, 400, 500, 110L)).isFalse();
        assertThat(hub.heardAtHub("n2", false, 400, 520, 130L)).isTrue();

        assertThat(hub.announced()).isEqualTo(StartHops.longestHop(new long[] {50, 60, 70, 80, 90, 100, 110, 120, 130}));
        assertThat(hold.released()).isTrue();
    }

    @Test
    void anOriginReportsTheHopOfTheHubsLatestGossipOnceAndOnlyWhileItWaitsForTheWord() {
        StartHops origin = new StartHops(3, 0, gate.hold(Duration.ofSeconds(4)));
        assertThat(origin.reportBack()).as("nothing heard from the hub yet").isNull();

        origin.heardFromHub(7, 100L, 160, null, false);
        origin.heardFromHub(7, 300L, 340, null, false);
        assertThat(origin.reportBack()).as("the latest hop, not the fastest").isEqualTo(40);
        assertThat(origin.reportBack()).as("once").isNull();

        origin.heardFromHub(7, 500L, 490, null, false);
        assertThat(origin.reportBack()).as("read before it was sent: clocks disagree").isNull();

        origin.heardFromHub(7, 600L, 650, 390L, false);
        assertThat(origin.holding()).isFalse();
        assertThat(origin.reportBack()).as("the hub knows the hops: nothing more to report").isNull();

        StartHops restarted = new StartHops(3, 10_000, gate.hold(Duration.ofSeconds(4)));
        restarted.heardFromHub(7, 9_000L, 10_020, null, false);
        assertThat(restarted.reportBack()).as("sent before this node started: it waited for the start").isNull();
        restarted.heardFromHub(8, 10_100L, 10_150, null, false);
        assertThat(restarted.reportBack()).as("a new hub process, after the start").isEqualTo(50);
    }

    @Test
    void theHubKnowsTheLongestHopOnceItHeardEveryPeerInEveryRoundAndSaysSoOnce() {
        InitGate.Hold hold = gate.hold(Duration.ofSeconds(4));
        StartHops hub = new StartHops(3, 0, hold);
        long[][] rounds = {{40, 390, 380}, {120, 200, 310}, {70, 260, 150}};

        assertThat(hub.heardAtHub("n1", true, 0, 40, null)).isFalse();
        assertThat(hub.hop()).as("meanwhile, the fastest greeting").isEqualTo(40);
        assertThat(hub.wantsMoreFrom("n1")).as("the hub answers it at once, for a second hop").isTrue();
        assertThat(hub.heardAtHub("n2", true, 0, 390, null)).isFalse();
        assertThat(hub.heardAtHub("n3", true, 0, 380, null)).isFalse();
        for (int round = 1; round < 3; round++) {
            assertThat(hub.announced()).as("round %d is still to be heard", round + 1).isNull();
            assertThat(hub.holding()).isTrue();
            for (int peer = 0; peer < 3; peer++) {
                long sent = 1_000L * round;
                boolean last = round == 2 && peer == 2;
                assertThat(hub.heardAtHub("n" + (peer + 1), false, sent, sent + rounds[round][peer], null)).isEqualTo(last);
            }
        }
        assertThat(hub.announced()).isEqualTo(StartHops.longestHop(new long[] {40, 70, 120, 150, 200, 260, 310, 380, 390}));
        assertThat(hub.hop()).isEqualTo(hub.announced());
        assertThat(hold.released()).isTrue();
        assertThat(hub.wantsMoreFrom("n3")).isFalse();
        assertThat(hub.heardAtHub("n3", false, 4_000, 4_400, null)).isFalse();
    }

    @Test
    void aPeersGossipsPastItsRoundsAreNoSamples() {
        StartHops hub = new StartHops(24, 0, gate.hold(Duration.ofSeconds(4)));
        assertThat(hub.heardAtHub("n1", true, 0, 40, null)).isFalse();
        assertThat(hub.wantsMoreFrom("n1")).isFalse();
        assertThat(hub.heardAtHub("n1", false, 50, 900, null)).as("a peer's second gossip is no new peer").isFalse();
        for (int peer = 2; peer < 24; peer++) {
            assertThat(hub.heardAtHub("n" + peer, true, 0, 100, null)).isFalse();
        }
        assertThat(hub.heardAtHub("n24", true, 0, 100, null)).isTrue();
        assertThat(hub.announced()).as("n1's 850 ms was not taken").isEqualTo(100);
    }

    @Test
    void aGossipSentBeforeTheHubStartedAndReadAsItStartedIsNoSample() {
        StartHops hub = new StartHops(1, 1_000, gate.hold(Duration.ofSeconds(4)));

        assertThat(hub.heardAtHub("n1", true, 200, 1_010, null)).as("it waited for the start").isFalse();
        assertThat(hub.hop()).isEqualTo(Long.MAX_VALUE);
        assertThat(hub.wantsMoreFrom("n1")).as("the hub answers it at once").isTrue();
        assertThat(hub.heardAtHub("n1", false, 1_020, 1_130, null)).as("the peer's answer to the hub's greeting").isFalse();
        assertThat(hub.heardAtHub("n1", false, 1_140, 1_240, null)).isFalse();
        assertThat(hub.heardAtHub("n1", false, 1_250, 1_370, null)).isTrue();
        assertThat(hub.announced()).isEqualTo(StartHops.longestHop(new long[] {100, 110, 120}));
    }

    @Test
    void anOriginWaitsForTheHubsWordOrItsFirstPlanAndForgetsAHubThatRestarted() {
        StartHops origin = new StartHops(3, 0, gate.hold(Duration.ofSeconds(4)));
        origin.heardFromHub(7, 0L, 60, null, false);
        assertThat(origin.holding()).as("the hub's greeting says nothing of the others").isTrue();
        assertThat(origin.hop()).isEqualTo(60);

        origin.heardFromHub(7, 100L, 150, 390L, false);
        assertThat(origin.holding()).isFalse();
        assertThat(origin.hop()).isEqualTo(390);

        origin.heardFromHub(8, 2_000L, 2_080, null, false);
        assertThat(origin.hop()).as("a new hub process: its own hops").isEqualTo(80);

        StartHops late = new StartHops(3, 0, gate.hold(Duration.ofSeconds(4)));
        late.heardFromHub(7, 5_000L, 5_100, null, true);
        assertThat(late.holding()).as("the hub plans already: nothing more to wait for").isFalse();
    }

    @Test
    void aNodeAloneHoldsNothing() {
        InitGate.Hold hold = gate.hold(Duration.ofSeconds(4));
        new StartHops(0, 0, hold);
        assertThat(hold.released()).isTrue();
    }
}
