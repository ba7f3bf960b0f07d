package io.glomers.broadcast;

import static io.glomers.broadcast.BroadcastProperties.Strategy.ADAPTIVE;
import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.runtime.EventLoop;
import io.glomers.runtime.InitGate;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The adaptive overlay: who relays what, how a plan spreads, and that a change of plan loses nothing. */
class AdaptiveDisseminationTest {

    private static final BroadcastProperties PROPERTIES = GossipCluster.properties(ADAPTIVE, 0, 90);
    private static final List<String> NODES = List.of("n0", "n1", "n2", "n3");

    @Test
    void theHubRelaysWhatAnOriginAsksItToAndNothingElse() {
        AdaptiveDissemination hub = node("n0");

        assertThat(hub.targets(null, true)).containsExactly("n1", "n2", "n3");
        assertThat(hub.targets("n2", true)).containsExactly("n1", "n3");
        assertThat(hub.targets("n2", false)).as("the origin sent it to everyone itself").isEmpty();
    }

    @Test
    void anOriginTellsTheHubAloneHowOftenItsClientsReadAndTheHubPlansWithEveryNodesReads() {
        io.glomers.bench.sched.VirtualTime time = new io.glomers.bench.sched.VirtualTime();
        ClientReads clients = new ClientReads(time);
        AdaptiveDissemination origin = new AdaptiveDissemination("n2", "n0", List.of("n0", "n1", "n3"), PROPERTIES,
                clients, time, new InitGate(time, Optional.empty()).hold(Duration.ZERO));
        Gossip ack = new Gossip(1, 5, new long[0], new long[0][]);
        assertThat(origin.stamp(ack, "n0", 0).reads()).as("before its clients' first request").isNull();
        clients.read();
        time.advance(Duration.ofSeconds(1));
        clients.read();
        assertThat(origin.stamp(ack, "n0", 1_000).reads()).containsExactly(1, 1_000);
        assertThat(origin.stamp(ack, "n1", 1_000).reads()).as("to another origin").isNull();

        AdaptiveDissemination hub = node("n0");
        assertThat(hub.stamp(ack, "n2", 0).reads()).as("the hub tells no one").isNull();
    }

    @Test
    void anOriginFollowsTheNewestPlanOfTheHubProcessItHeardLast() {
        AdaptiveDissemination origin = node("n2");
        assertThat(origin.targets(null, true)).as("the star of broadcast.origin/relay until told").containsExactly("n0");

        origin.heard(fromHub(5, new Plan(2, Plan.Shape.DIRECT, 40, 0)), "n0", 0);
        assertThat(origin.targets(null, true)).containsExactly("n0", "n1", "n3");
        assertThat(origin.batching().linger()).isEqualTo(Duration.ofMillis(40));
        assertThat(origin.stamp(new Gossip(1, 5, new long[0], new long[0][]), "n0", 7).relay())
                .as("the hub must not relay what the origin sent everyone").isFalse();

        origin.heard(fromHub(5, new Plan(1, Plan.Shape.STAR, 0, 300)), "n0", 1);
        assertThat(origin.plan().seq()).as("an older plan of the same hub, overtaken on the way").isEqualTo(2);

        origin.heard(fromHub(9, new Plan(0, Plan.Shape.STAR, 0, 300)), "n0", 2);
        assertThat(origin.plan().shape()).as("a restarted hub numbers its plans anew").isEqualTo(Plan.Shape.STAR);
        assertThat(origin.targets("n0", true)).as("an origin relays nothing").isEmpty();
    }

    @Test
    void valuesQueuedForTheHubAloneBeforeAnOriginTurnsToSendingStraightToEveryoneAreStillRelayed() {
        AdaptiveDissemination origin = node("n2");
        Gossip values = new Gossip(1, 5, new long[] {7}, new long[0][]);
        Gossip ack = new Gossip(1, 5, new long[0], new long[0][]);
        assertThat(origin.targets(null, true)).as("the starting star").containsExactly("n0");
        origin.arrived(1, "n0", 0);
        origin.heard(fromHub(5, new Plan(1, Plan.Shape.DIRECT, 180, 0)), "n0", 0);
        assertThat(origin.stamp(values, "n0", 5).relay()).as("no client's value waited for the hub alone").isFalse();

        origin.heard(fromHub(5, new Plan(2, Plan.Shape.STAR, 0, 100)), "n0", 10);
        origin.arrived(2, null, 20);
        origin.heard(fromHub(5, new Plan(3, Plan.Shape.DIRECT, 180, 0)), "n0", 30);

        assertThat(origin.stamp(ack, "n0", 40).relay()).as("nothing to relay in an acknowledgement").isFalse();
        assertThat(origin.stamp(values, "n1", 50).relay()).as("only the hub relays").isNull();
        assertThat(origin.stamp(values, "n0", 50).relay()).as("value 7 was queued for the hub alone, under the star")
                .isTrue();
        origin.arrived(3, null, 60);
        assertThat(origin.stamp(values, "n0", 200).relay()).as("queued since, and sent to everyone").isFalse();
    }

    @Test
    void beforeTheHubsFirstPlanAnOriginSendsStraightToEveryoneWhereTwoHopsAloneWouldPassTheMaximum() {
        BroadcastProperties.Objective objective = PROPERTIES.objective();
        long maxLimit = Math.round((1 - objective.maxMargin()) * objective.max().toMillis());
        long longHop = maxLimit / 2 + 20;
        Plan starting = new Plan(0, Plan.Shape.STAR, 0, 90);

        AdaptiveDissemination near = node("n1");
        near.heard(fromHub(5, starting, 1_000), "n0", 1_000 + maxLimit / 2 - 10);
        assertThat(near.targets(null, true)).as("two hops of this delay meet the maximum").containsExactly("n0");
        AdaptiveDissemination nearADirectHub = node("n3");
        nearADirectHub.heard(fromHub(5, new Plan(0, Plan.Shape.DIRECT, 70, 0), 1_000), "n0", 1_000 + maxLimit / 2 - 10);
        assertThat(nearADirectHub.targets(null, true)).as("a hub whose own hops were long announces direct sends as plan"
                + " 0; this origin's hop says the star").containsExactly("n0");

        AdaptiveDissemination far = node("n2");
        far.heard(fromHub(5, starting, 1_000), "n0", 1_000 + longHop);
        assertThat(far.targets(null, true)).containsExactly("n0", "n1", "n3");
        assertThat(far.stamp(new Gossip(1, 5, new long[0], new long[0][]), "n0", 2_000).relay()).isFalse();

        far.heard(fromHub(5, starting, 1_500), "n0", 1_500 + 3 * longHop);
        assertThat(far.plan().shape()).as("a slower copy (a retransmission, a queue) says nothing new about the hop")
                .isEqualTo(Plan.Shape.DIRECT);

        far.heard(fromHub(5, new Plan(1, Plan.Shape.STAR, 0, 200), 2_000), "n0", 2_000 + longHop);
        assertThat(far.plan()).as("the hub's own plan, once it has one, whatever the delays")
                .isEqualTo(new Plan(1, Plan.Shape.STAR, 0, 200));
        assertThat(far.targets(null, true)).containsExactly("n0");
    }

    @Test
    void beforeItsFirstPlanTheHubSendsItsOwnClientsValuesAtOnceWhereTwoHopsAloneWouldPassTheMaximum() {
        BroadcastProperties.Objective objective = PROPERTIES.objective();
        long maxLimit = Math.round((1 - objective.maxMargin()) * objective.max().toMillis());
        long longHop = maxLimit / 2 + 20;

        AdaptiveDissemination near = node("n0");
        near.heard(greeting(11, 1_000), "n1", 1_000 + maxLimit / 2 - 10);
        assertThat(near.batching().minInterval()).as("the starting star's hub interval").isEqualTo(Duration.ofMillis(90));
        assertThat(near.skipsLinger("n1", true)).isFalse();

        AdaptiveDissemination late = node("n0");
        late.heard(greeting(11, -500), "n1", 10);
        assertThat(late.batching().minInterval()).as("sent before the hub started, read as it started: it waited for the"
                + " hub, not the network").isEqualTo(Duration.ofMillis(90));
        late.heard(greeting(12, -100), "n2", longHop - 100);
        assertThat(late.batching().minInterval()).as("read well after the start: it took the network's hop").isZero();

        AdaptiveDissemination far = node("n0");
        far.heard(greeting(11, 1_000), "n1", 1_000 + 3 * longHop);
        far.heard(greeting(12, 1_000), "n2", 1_000 + longHop);
        assertThat(far.batching().minInterval()).as("the fastest greeting bounds the hop").isZero();
        assertThat(far.batching().linger()).isEqualTo(
                Duration.ofMillis(Planner.beforeTheFirstPlan(far.plan(), objective, longHop, NODES.size()).linger()));
        assertThat(far.skipsLinger("n1", true)).as("what an origin on the star sends it leaves at once").isTrue();
        assertThat(far.stamp(new Gossip(1, 11, new long[] {1}, new long[0][]), "n1", 2_000).plan())
                .as("the hub announces the plan it sends by: a plan 0, which each origin judges by its own hops")
                .isEqualTo(far.plan()).extracting(Plan::shape).isEqualTo(Plan.Shape.DIRECT);

        far.heard(greeting(13, 1_000), "n3", 1_000 + 2 * longHop);
        laterRounds(far, 1_500, 3 * longHop, longHop, 2 * longHop);
        long longest = StartHops.longestHop(everyRound(longHop, 2 * longHop, 3 * longHop));
        assertThat(far.batching().linger()).as("then the longest hop expected bounds it").isEqualTo(
                Duration.ofMillis(Planner.beforeTheFirstPlan(far.plan(), objective, longest, NODES.size()).linger()));
        assertThat(far.stamp(new Gossip(1, 11, new long[0], new long[0][]), "n1", 2_000).startHop()).isEqualTo(longest);
    }

    @Test
    void inAClusterOfTwoEveryValueTakesOneHopSoTheStartLingersAsLongAsTheObjectiveAllows() {
        BroadcastProperties.Objective objective = PROPERTIES.objective();
        double limit = Math.min((1 - objective.maxMargin()) * objective.max().toMillis(),
                (1 - objective.medianMargin()) * objective.median().toMillis());
        io.glomers.bench.sched.VirtualTime time = new io.glomers.bench.sched.VirtualTime();
        AdaptiveDissemination two = new AdaptiveDissemination("n0", "n0", List.of("n1"), PROPERTIES, new ClientReads(time), time,
                new InitGate(time, Optional.empty()).hold(Duration.ZERO));
        two.heard(greeting(11, 1_000), "n1", 1_100);

        assertThat(two.plan().shape()).as("one hop to the only other node, whatever the shape").isEqualTo(Plan.Shape.DIRECT);
        long linger = two.batching().linger().toMillis();
        assertThat(linger + 100).as("a value that lingers and takes the hop meets both limits").isLessThanOrEqualTo((long) limit);
        assertThat(linger + PlanSearch.STEP + 100).as("and lingers as long as they allow").isGreaterThan((long) limit);
        assertThat(two.targets(null, false)).containsExactly("n1");

        AdaptiveDissemination four = node("n0");
        four.heard(greeting(11, 1_000), "n1", 1_100);
        assertThat(four.plan().shape()).as("the same hop where a star's two fit").isEqualTo(Plan.Shape.STAR);
    }

    @Test
    void aNodeThatStartedBeforeTheHubIsHeardBecauseEachAnswersTheOtherAtOnce() {
        io.glomers.bench.sched.VirtualTime time = new io.glomers.bench.sched.VirtualTime();
        InitGate gate = new InitGate(time, Optional.empty());
        AdaptiveDissemination origin = waiting("n1", time, gate.hold(Duration.ofSeconds(4)));
        time.advance(Duration.ofSeconds(1));
        AdaptiveDissemination hub = waiting("n0", time, gate.hold(Duration.ofSeconds(4)));

        // n1's greeting left at 0 and waited for the hub, which read it as it started: no sample.
        hub.heard(greeting(11, 0), "n1", 1_010);
        assertThat(hub.answersAtOnce(greeting(11, 0), "n1")).as("the hub prompts n1").isTrue();
        Gossip prompt = hub.stamp(new Gossip(1, 11, new long[0], new long[0][]), "n1", 1_010);
        origin.heard(prompt, "n0", 1_060);
        assertThat(origin.answersAtOnce(prompt, "n0")).as("n1 answers: the hub has not spoken yet").isTrue();
        hub.heard(greeting(11, 1_060), "n1", 1_110);
        assertThat(hub.answersAtOnce(greeting(11, 1_060), "n1")).as("the answer was a sample; the hub asks for the next")
                .isTrue();

        hub.heard(greeting(12, 1_000), "n2", 1_050);
        assertThat(hub.answersAtOnce(greeting(12, 1_000), "n2")).as("n2 greeted after the hub started: a sample").isTrue();
        hub.heard(greeting(13, 1_000), "n3", 1_070);
        assertThat(hub.stamp(new Gossip(1, 11, new long[0], new long[0][]), "n1", 1_070).startHop())
                .as("one round of three").isNull();
        laterRounds(hub, 1_200, 50, 50, 70);
        assertThat(hub.answersAtOnce(greeting(13, 1_300), "n3")).as("the last round's answer asks for none").isFalse();
        Gossip word = hub.stamp(new Gossip(1, 11, new long[0], new long[0][]), "n1", 1_300);
        assertThat(word.startHop()).isEqualTo(StartHops.longestHop(everyRound(50, 50, 70)));
        origin.heard(word, "n0", 1_120);
        assertThat(origin.answersAtOnce(word, "n0")).as("the word asks for no answer").isFalse();
    }

    @Test
    void aHubThatNeverHearsEveryNodeGreetsThemAllTheSameAsItsInitOkGoes() {
        io.glomers.bench.sched.VirtualTime time = new io.glomers.bench.sched.VirtualTime();
        InitGate gate = new InitGate(time, Optional.empty());
        AdaptiveDissemination hub = waiting("n0", time, gate.hold(Duration.ofSeconds(4)));
        List<String> greeted = new java.util.ArrayList<>();
        hub.greetWhenReady(() -> greeted.add("at " + time.currentTimeMillis()));
        hub.heard(greeting(11, 0), "n1", 40);
        gate.whenOpen(() -> { }); // init came: the hold's 4 s run from now
        time.advance(Duration.ofMillis(3_999));
        assertThat(greeted).as("n2 and n3 are still to be heard").isEmpty();
        time.advance(Duration.ofMillis(1));
        assertThat(greeted).containsExactly("at 4000");
    }

    @Test
    void theHubHoldsItsInitOkAndItsWordOnTheHopsUntilItsPlannerHasWarmedUp() {
        io.glomers.bench.sched.VirtualTime time = new io.glomers.bench.sched.VirtualTime();
        List<Runnable> offloaded = new java.util.ArrayList<>();
        EventLoop slowOffloads = new EventLoop() {
            @Override
            public long currentTimeMillis() {
                return time.currentTimeMillis();
            }

            @Override
            public void execute(Runnable task) {
                time.execute(task);
            }

            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                return time.schedule(delay, task);
            }

            @Override
            public <T> void offload(java.util.function.Supplier<T> work, java.util.function.Consumer<T> then) {
                offloaded.add(() -> then.accept(work.get()));
            }
        };
        InitGate gate = new InitGate(time, Optional.empty());
        InitGate.Hold hubReady = gate.hold(Duration.ofSeconds(4));
        AdaptiveDissemination hub = new AdaptiveDissemination("n0", "n0", List.of("n1", "n2", "n3"), PROPERTIES,
                new ClientReads(time), slowOffloads, hubReady);
        List<String> greeted = new java.util.ArrayList<>();
        hub.greetWhenReady(() -> greeted.add("greeting"));
        assertThat(offloaded).as("the warm-up, off the loop").hasSize(1);

        for (int peer = 1; peer <= 3; peer++) {
            hub.heard(greeting(10 + peer, 0), "n" + peer, 50);
        }
        laterRounds(hub, 100, 50, 50, 50);
        assertThat(hubReady.released()).as("the hops are known, the planner still cold").isFalse();
        assertThat(greeted).isEmpty();

        offloaded.get(0).run();
        assertThat(hubReady.released()).isTrue();
        assertThat(greeted).containsExactly("greeting");
        assertThat(hub.stamp(new Gossip(1, 11, new long[0], new long[0][]), "n1", 300).startHop())
                .isEqualTo(StartHops.longestHop(everyRound(50, 50, 50)));
    }

    @Test
    void aWarmUpDoneBeforeTheHopsAreKnownLeavesTheHoldToThem() {
        io.glomers.bench.sched.VirtualTime time = new io.glomers.bench.sched.VirtualTime();
        InitGate.Hold hubReady = new InitGate(time, Optional.empty()).hold(Duration.ofSeconds(4));
        AdaptiveDissemination hub = waiting("n0", time, hubReady);
        assertThat(hubReady.released()).as("warmed up at once on virtual time; n1-n3 still to be heard").isFalse();
        for (int peer = 1; peer <= 3; peer++) {
            hub.heard(greeting(10 + peer, 0), "n" + peer, 50);
        }
        laterRounds(hub, 100, 50, 50, 50);
        assertThat(hubReady.released()).isTrue();
    }

    @Test
    void anOriginWhoseHopFromTheHubWasShortStartsDirectWhenTheHubSaysTwoHopsDoNotFit() {
        io.glomers.bench.sched.VirtualTime time = new io.glomers.bench.sched.VirtualTime();
        InitGate gate = new InitGate(time, Optional.empty());
        AdaptiveDissemination hub = waiting("n0", time, gate.hold(Duration.ofSeconds(4)));
        InitGate.Hold originReady = gate.hold(Duration.ofSeconds(4));
        AdaptiveDissemination origin = waiting("n1", time, originReady);

        List<String> hubGreetings = new java.util.ArrayList<>();
        hub.greetWhenReady(() -> hubGreetings.add("greeting"));
        origin.greetWhenReady(() -> hubGreetings.add("the origin's, at once"));
        assertThat(hubGreetings).containsExactly("the origin's, at once");

        // A uniform network of hops up to 400 ms: n1's happens to be short, the others' are not.
        hub.heard(greeting(11, 0), "n1", 40);
        hub.heard(greeting(12, 0), "n2", 390);
        assertThat(hubGreetings).as("the hub greets once it has heard every node").hasSize(1);
        Gossip early = hub.stamp(new Gossip(1, 11, new long[0], new long[0][]), "n1", 0);
        assertThat(early.startHop()).as("an acknowledgement before n3 is heard").isNull();
        origin.heard(early, "n0", 40);
        assertThat(origin.plan().shape()).as("by its own hop, two fit").isEqualTo(Plan.Shape.STAR);
        assertThat(originReady.released()).as("the origin's init_ok waits for the hub's word").isFalse();

        hub.heard(greeting(13, 0), "n3", 380);
        assertThat(hubGreetings).as("the rounds after the greetings are still to come").hasSize(1);
        laterRounds(hub, 400, 40, 390, 380);
        assertThat(hubGreetings).hasSize(2);
        origin.heard(hub.stamp(new Gossip(1, 11, new long[0], new long[0][]), "n1", 1_200), "n0", 1_240);
        assertThat(origin.plan().shape()).isEqualTo(Plan.Shape.DIRECT);
        assertThat(origin.targets(null, true)).containsExactly("n0", "n2", "n3");
        assertThat(originReady.released()).isTrue();
    }

    @Test
    void aValueTheHubTookWithoutARelayRequestIsStillRelayedWhenAnEarlierCopyThatAsksForOneComesLater() {
        // Under real Maelstrom: an origin on the star sent value 7 to the hub (relay asked), that copy took
        // a tail hop, the origin turned to sending straight to everyone and sent the still unconfirmed 7 to
        // the hub again, without the ask. The hub took that copy first; the first copy came 80 ms later.
        GossipCluster cluster = new GossipCluster(4, PROPERTIES, 10, 1);
        cluster.advance(Duration.ofSeconds(1));
        long originEpoch = 11;
        cluster.deliver("n2", "n0", new Gossip(originEpoch, 1, new long[] {7}, new long[0][], cluster.now() - 10, false, null, null, null));
        cluster.advance(Duration.ofMillis(80));
        assertThat(cluster.has("n1", 7)).as("no one was asked to relay 7 yet").isFalse();
        cluster.deliver("n2", "n0", new Gossip(originEpoch, 1, new long[] {7}, new long[0][], cluster.now() - 250, true, null, null, null));

        cluster.advance(Duration.ofMillis(200));
        assertThat(cluster.has("n1", 7) && cluster.has("n3", 7))
                .as("relayed on the ask, well before the hub's gap repair (%s)", PROPERTIES.repairGrace()).isTrue();
    }

    @Test
    void aClusterUnderSteadyLoadChoosesAPlanOnceAndEveryValueReachesEveryNode() {
        GossipCluster cluster = new GossipCluster(8, PROPERTIES, 100, 3);
        Random random = new Random(3);
        long[] values = LongStream.range(0, 400).toArray();
        for (long value : values) {
            cluster.broadcast(cluster.ids().get(random.nextInt(8)), value);
            cluster.advance(Duration.ofMillis(25));
        }
        cluster.awaitConvergence(values, Duration.ofSeconds(5));
        assertThat(cluster.converged(values)).isTrue();

        List<Plan> announced = cluster.sent().stream().map(Gossip::plan).filter(Objects::nonNull).distinct().toList();
        assertThat(announced).as("the starting plan, then one chosen plan: no flapping under steady load").hasSize(2);
        assertThat(announced.get(1).interval()).isGreaterThan(announced.get(0).interval());
        assertThat(cluster.sent()).allSatisfy(gossip -> assertThat(gossip.sent()).isNotNull());
    }

    @Test
    void anOriginSpacesItsSendsToTheHubUnderTheStartingStarOnly() {
        AdaptiveDissemination origin = node("n2");
        assertThat(origin.batching().minInterval()).as("no hop known yet").isZero();
        origin.heard(fromHub(5, null, 0), "n0", 5);
        assertThat(origin.batching().minInterval()).as("a 5 ms hop leaves room")
                .isEqualTo(Duration.ofMillis(Planner.START_ORIGIN_INTERVAL));
        assertThat(origin.batching().linger()).as("a value after a quiet spell still leaves at once").isZero();
        origin.heard(fromHub(5, new Plan(1, Plan.Shape.STAR, 40, 300)), "n0", 50);
        assertThat(origin.batching().minInterval()).as("the hub's plan").isZero();
    }

    @Test
    void underAPlanWithoutRelaysTheHubPassesOnAtOnceWhatAnOriginStillOnTheStarSentItAlone() {
        AdaptiveDissemination hub = node("n0");
        assertThat(hub.skipsLinger("n2", true)).as("the starting star: the hub batches its relays").isFalse();

        // Hops so long that two of them pass the maximum: the hub's plan sends straight to everyone, with a linger
        // (one hop leaves some of the median's limit).
        valuesFromEveryPeer(hub, 0, 3 * HubMeasurements.MIN_SAMPLES, 50, 300);
        assertThat(hub.plan().shape()).isEqualTo(Plan.Shape.DIRECT);
        assertThat(hub.batching().linger()).as("the hub's own clients' values linger like every origin's")
                .isPositive();

        assertThat(hub.skipsLinger("n2", true)).as("took a hop already; a linger would come on top of two").isTrue();
        assertThat(hub.skipsLinger("n2", false)).as("not for the hub to relay at all").isFalse();
        assertThat(hub.skipsLinger(null, true)).as("the hub's own client's value").isFalse();
        assertThat(node("n2").skipsLinger("n0", true)).as("origins relay nothing").isFalse();
    }

    @Test
    void theHubPassesOnAtOnceValuesThatTookAHopFarLongerThanUsualOnceItKnowsWhatIsUsual() {
        AdaptiveDissemination hub = node("n0");
        assertThat(hub.hurries(valueSent(0, true), "n1", 1_000)).as("nothing measured yet").isFalse();

        // Hops short enough that four nodes do better through the hub (at 50 ms direct sends cost as much; at 25 ms
        // direct sends with a long linger cost the star's messages to within a per cent).
        valuesFromEveryPeer(hub, 0, 3 * HubMeasurements.MIN_SAMPLES, 50, 10);
        assertThat(hub.plan().shape().relays()).as(hub.plan().describe()).isTrue();
        long sent = 10_000;
        long quarterOfTheMax = PROPERTIES.objective().max().toMillis() / 4;
        assertThat(hub.hurries(valueSent(sent, true), "n1", sent + quarterOfTheMax + 1)).isTrue();
        assertThat(hub.hurries(valueSent(sent, true), "n1", sent + quarterOfTheMax))
                .as("no sooner than a quarter of the maximum, however steady the hops").isFalse();
        assertThat(hub.hurries(valueSent(sent, false), "n1", sent + 1_000)).as("not for the hub to relay").isFalse();
        assertThat(hub.hurries(greeting(10, sent), "n1", sent + 1_000)).as("brings no value").isFalse();
        assertThat(node("n2").hurries(valueSent(sent, true), "n0", sent + 1_000)).as("origins relay nothing").isFalse();

        AdaptiveDissemination direct = node("n0");
        valuesFromEveryPeer(direct, 0, 3 * HubMeasurements.MIN_SAMPLES, 50, 400);
        assertThat(direct.plan().shape()).isEqualTo(Plan.Shape.DIRECT);
        assertThat(direct.hurries(valueSent(sent, true), "n1", sent + 5_000)).as("no batch to skip: it relays at once").isFalse();
    }

    @Test
    void theHubPlansBeforeItHasWatchedASecondOnceItHasCountedEnoughValuesToKnowTheRate() {
        int enough = ArrivalRate.MIN_ARRIVALS;
        AdaptiveDissemination busy = node("n0");
        valuesFromEveryPeer(busy, 0, enough, 3, 50);
        assertThat(busy.plan().seq()).as("%d values in %d ms", enough, 3 * enough).isEqualTo(1);

        AdaptiveDissemination oneShort = node("n0");
        valuesFromEveryPeer(oneShort, 0, enough - 1, 3, 50);
        assertThat(oneShort.plan().seq()).as("as many delays, one value fewer, and not a second yet").isZero();

        AdaptiveDissemination quieter = node("n0");
        valuesFromEveryPeer(quieter, 0, enough / 2, 3, 50);
        valuesFromEveryPeer(quieter, 1_000, 1, 0, 50);
        assertThat(quieter.plan().seq()).as("%d values, but a second watched", enough / 2 + 1).isEqualTo(1);
    }

    /** A first look that confirms the starting plan changes nothing, and would say nothing: it says so, once. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aHubWhoseFirstLookKeepsTheStartingPlanSaysSoOnce(CapturedOutput output) {
        AdaptiveDissemination hub = node("n0", GossipCluster.properties(ADAPTIVE, 0, 250));
        // Steady hops of 200 ms: the starting star's 250 ms interval is about the longest that meets the
        // maximum less the margin of a steady network.
        long hop = 200;
        valuesFromEveryPeer(hub, 0, 3 * HubMeasurements.MIN_SAMPLES, 50, hop);
        valuesFromEveryPeer(hub, 5_000, 3 * HubMeasurements.MIN_SAMPLES, 50, hop);

        BroadcastProperties.Objective objective = PROPERTIES.objective();
        long maxLimit = Math.round((1 - Judge.maxMargin(objective, 0)) * objective.max().toMillis());
        assertThat(hub.plan().seq()).as("kept").isZero();
        assertThat(output.getAll()).containsOnlyOnce("Plan 0 kept: star, origin linger 0 ms, hub interval 250 ms")
                .contains("still within median <= 340 ms, max <= " + maxLimit + " ms")
                .contains("one-way delay median " + hop + " ms").doesNotContain("Plan 1:");
    }

    /**
     * The hops before the workload called for direct sends, which every node makes until the hub's first plan;
     * the hub's first look finds the star fast enough. Kept as plan 0, it would leave the nodes sending direct
     * (their rule for plan 0) at many times the star's messages: the hub judges the plan in force and announces
     * the star as plan 1.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aHubWhoseFirstLookFindsTheStarFastEnoughWhereTheHopsCalledForDirectSendsAnnouncesIt(CapturedOutput output) {
        io.glomers.bench.sched.VirtualTime time = new io.glomers.bench.sched.VirtualTime();
        List<String> peers = java.util.stream.IntStream.range(1, 25).mapToObj(i -> "n" + i).toList();
        AdaptiveDissemination hub = new AdaptiveDissemination("n0", "n0", peers, GossipCluster.properties(ADAPTIVE, 0, 250),
                new ClientReads(time), time, new InitGate(time, Optional.empty()).hold(Duration.ZERO));
        // Hops of 0-300 ms: two of the longest pass the maximum, but a star's two seldom both take long.
        SplittableRandom random = new SplittableRandom(3);
        for (int p = 0; p < peers.size(); p++) {
            hub.heard(greeting(100 + p, 1_000), peers.get(p), 1_000 + random.nextLong(301));
        }
        assertThat(hub.targets(null, true)).as("the hub, too, sends straight to everyone").hasSize(24);
        assertThat(hub.batching().minInterval()).as("and relays nothing").isZero();

        for (int i = 0; hub.plan().seq() == 0 && i < 1_000; i++) {
            long sent = 2_000 + 20L * i;
            long hop = random.nextLong(301);
            int p = i % peers.size();
            hub.heard(new Gossip(100 + p, 1, new long[] {i}, new long[0][], sent, true, null, null, null), peers.get(p),
                    sent + hop);
            hub.arrived(i, peers.get(p), sent + hop);
        }

        assertThat(hub.plan().seq()).as("announced as a plan of its own").isEqualTo(1);
        assertThat(hub.plan().shape().relays()).as(hub.plan().describe()).isTrue();
        assertThat(hub.stamp(new Gossip(1, 11, new long[0], new long[0][]), "n1", 30_000).plan()).isEqualTo(hub.plan());
        assertThat(output.getAll()).contains("Plan 1: " + hub.plan().describe() + " (predicted")
                .contains("was direct, origin linger").doesNotContain("Plan 0 kept");
    }

    @Test
    void underTheStarSentTwiceAnOriginsValuesLeaveForTheHubTwiceAndTheHubRelaysThemOnce() {
        assertThat(copiesOfAValueBroadcastAtAnOriginUnder(Plan.Shape.STAR)).as("the star").isEqualTo(new int[] {1, 2});
        assertThat(copiesOfAValueBroadcastAtAnOriginUnder(Plan.Shape.STAR_TWICE)).as("the star sent twice")
                .isEqualTo(new int[] {2, 2});

        AdaptiveDissemination origin = node("n2");
        origin.heard(fromHub(5, new Plan(1, Plan.Shape.STAR_TWICE, 0, 300)), "n0", 0);
        Gossip values = new Gossip(1, 5, new long[] {7}, new long[0][]);
        assertThat(origin.copies(values, "n0")).isEqualTo(2);
        assertThat(origin.copies(new Gossip(1, 5, new long[0], new long[0][]), "n0")).as("an acknowledgement").isOne();
        assertThat(node("n0").copies(values, "n2")).as("the hub's relays").isOne();
    }

    @Test
    void aHubThatTurnsToTheStarSentTwiceKeepsItsShorterIntervalUntilOriginsCanHaveHeardIt() {
        io.glomers.bench.sched.VirtualTime time = new io.glomers.bench.sched.VirtualTime();
        AdaptiveDissemination hub = node("n0", PROPERTIES, time);
        SplittableRandom random = new SplittableRandom(1);
        // Greetings over short hops (the hub starts by the star), then 100 ms exponential hops at 20 values a
        // second: the planner sends each batch to the hub twice.
        for (int peer = 1; peer <= 3; peer++) {
            hub.heard(greeting(10 + peer - 1, 0), NODES.get(peer), 60);
        }
        for (int i = 0; hub.plan().seq() == 0 && i < 400; i++) {
            long sent = 50L * i;
            time.advance(Duration.ofMillis(sent + 1 - time.currentTimeMillis()));
            long hop = Math.round(-100 * Math.log(1 - random.nextDouble()));
            String peer = NODES.get(1 + i % 3);
            hub.heard(new Gossip(10 + i % 3, 1, new long[] {i}, new long[0][], sent, true, null, null, null), peer, sent + hop);
            hub.arrived(i, peer, sent + hop);
        }
        Plan twice = hub.plan();
        assertThat(twice.shape()).isEqualTo(Plan.Shape.STAR_TWICE);
        assertThat(twice.interval()).isGreaterThan(90);

        assertThat(hub.batching().minInterval()).as("origins still send one copy").isEqualTo(Duration.ofMillis(90));
        time.advance(Duration.ofSeconds(2));
        assertThat(hub.batching().minInterval()).isEqualTo(Duration.ofMillis(twice.interval()));
    }

    /**
     * In a cluster of four whose origin n2 has heard a plan of the given shape from the hub: how many
     * gossips carrying a value n2's client gave it left n2 at once, and how many left the hub once the
     * value had reached every node.
     */
    private static int[] copiesOfAValueBroadcastAtAnOriginUnder(Plan.Shape shape) {
        GossipCluster cluster = new GossipCluster(4, PROPERTIES, 10, 1);
        cluster.advance(Duration.ofSeconds(1));
        long hubEpoch = cluster.sent().stream().filter(gossip -> gossip.plan() != null).findFirst().orElseThrow().epoch();
        cluster.deliver("n0", "n2", new Gossip(hubEpoch, 0, new long[0], new long[0][], cluster.now(), null,
                new Plan(1, shape, 0, 90), null, null));
        int before = cluster.sent().size();
        cluster.broadcast("n2", 7);
        int fromOrigin = carrying(cluster.sent().subList(before, cluster.sent().size()), 7);
        cluster.awaitConvergence(new long[] {7}, Duration.ofSeconds(2));
        assertThat(cluster.converged(new long[] {7})).isTrue();
        return new int[] {fromOrigin, carrying(cluster.sent().subList(before, cluster.sent().size()), 7) - fromOrigin};
    }

    private static int carrying(List<Gossip> gossips, long value) {
        return (int) gossips.stream().filter(gossip -> LongStream.of(gossip.values()).anyMatch(v -> v == value)).count();
    }

    /**
     * Gossip with one new value each, from the peers in turn: the first sent at {@code from}, the rest
     * {@code every} ms apart, each taking {@code hop} ms.
     */
    private static void valuesFromEveryPeer(AdaptiveDissemination hub, long from, int count, long every, long hop) {
        for (int i = 0; i < count; i++) {
            long sent = from + every * i;
            String peer = NODES.get(1 + i % 3);
            hub.heard(new Gossip(10 + i % 3, 1, new long[] {i}, new long[0][], sent, true, null, null, null), peer, sent + hop);
            hub.arrived(i, peer, sent + hop);
        }
    }

    /** A gossip from n1 (epoch 10, as {@link #valuesFromEveryPeer} has it) with one value, sent at {@code sent}. */
    private static Gossip valueSent(long sent, boolean relayAsked) {
        return new Gossip(10, 1, new long[] {999}, new long[0][], sent, relayAsked, null, null, null);
    }

    /**
     * The rounds after the greetings ({@link StartHops#rounds}): each of n1, n2, ... answers the hub's answer, sent at
     * {@code sent}, and takes its hop again.
     */
    private static void laterRounds(AdaptiveDissemination hub, long sent, long... hops) {
        for (int round = 1; round < StartHops.rounds(hops.length); round++) {
            for (int peer = 0; peer < hops.length; peer++) {
                hub.heard(greeting(11 + peer, sent + round), "n" + (peer + 1), sent + round + hops[peer]);
            }
        }
    }

    /** Each hop taken once in every round, in order. */
    private static long[] everyRound(long... hops) {
        return java.util.stream.LongStream.of(hops)
                .flatMap(hop -> java.util.stream.LongStream.generate(() -> hop).limit(StartHops.rounds(hops.length)))
                .sorted().toArray();
    }

    private static Gossip greeting(long peerEpoch, long sent) {
        return new Gossip(peerEpoch, 1, new long[0], new long[0][], sent, true, null, null, null);
    }

    private static Gossip fromHub(long hubEpoch, Plan plan) {
        return fromHub(hubEpoch, plan, 0);
    }

    private static Gossip fromHub(long hubEpoch, Plan plan, long sent) {
        return new Gossip(hubEpoch, 1, new long[0], new long[0][], sent, null, plan, null, null);
    }

    /** A node of NODES whose init_ok waits on {@code hold}, as the hub's word on the hops makes it. */
    private static AdaptiveDissemination waiting(String self, io.glomers.bench.sched.VirtualTime time, InitGate.Hold hold) {
        return new AdaptiveDissemination(self, "n0", NODES.stream().filter(id -> !id.equals(self)).toList(), PROPERTIES,
                new ClientReads(time), time, hold);
    }

    private static AdaptiveDissemination node(String self) {
        return node(self, PROPERTIES);
    }

    private static AdaptiveDissemination node(String self, BroadcastProperties properties) {
        return node(self, properties, new io.glomers.bench.sched.VirtualTime());
    }

    private static AdaptiveDissemination node(String self, BroadcastProperties properties,
            io.glomers.bench.sched.VirtualTime time) {
        return new AdaptiveDissemination(self, "n0", NODES.stream().filter(id -> !id.equals(self)).toList(), properties,
                new ClientReads(time), time, new InitGate(time, Optional.empty()).hold(Duration.ZERO));
    }
}
