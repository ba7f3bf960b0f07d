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
    void theHubKnowsTheLongestHopOnceEveryPeerWasHeardAndSaysSoOnce() {
        InitGate.Hold hold = gate.hold(Duration.ofSeconds(4));
        StartHops hub = new StartHops(3, 0, hold);

        assertThat(hub.heardAtHub("n1", true, 0, 40)).isFalse();
        assertThat(hub.heardAtHub("n1", false, 50, 440)).as("a peer's second gossip is no new peer").isFalse();
        assertThat(hub.heardAtHub("n2", true, 0, 390)).isFalse();
        assertThat(hub.announced()).as("n3 is still to be heard").isNull();
        assertThat(hub.hop()).as("meanwhile, the fastest greeting").isEqualTo(40);
        assertThat(hub.holding()).isTrue();

        assertThat(hub.heardAtHub("n3", true, 0, 380)).isTrue();
        assertThat(hub.announced()).isEqualTo(StartHops.longestHop(new long[] {40, 380, 390}));
        assertThat(hub.hop()).isEqualTo(hub.announced());
        assertThat(hold.released()).isTrue();
        assertThat(hub.heardAtHub("n3", false, 400, 800)).isFalse();
    }

    @Test
    void aGossipSentBeforeTheHubStartedAndReadAsItStartedIsNoSample() {
        StartHops hub = new StartHops(1, 1_000, gate.hold(Duration.ofSeconds(4)));

        assertThat(hub.heardAtHub("n1", true, 200, 1_010)).as("it waited for the start").isFalse();
        assertThat(hub.hop()).isEqualTo(Long.MAX_VALUE);
        assertThat(hub.heardAtHub("n1", false, 1_020, 1_130)).as("the peer's answer to the hub's greeting").isTrue();
        assertThat(hub.announced()).isEqualTo(110);
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
