package io.glomers.broadcast;

import static io.glomers.broadcast.Delays.constant;
import static io.glomers.broadcast.Delays.exponential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.glomers.testing.ShippedConfig;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The planner's choices for networks whose answer is known from the physics. */
class PlannerTest {

    private static final BroadcastProperties.Objective THREE_D = objective(400, 600);
    private static final Plan BALANCED = new Plan(0, Plan.Shape.STAR, 0, 90);

    @Test
    void atPart3dsLoadTheStarBatchesFarLongerThanBalancedAndMeetsTheObjective() {
        Conditions conditions = new Conditions(25, 50, 2, constant(100));
        Planner.Choice choice = planner(THREE_D).choose(conditions, BALANCED);

        assertThat(choice.meetsObjective()).isTrue();
        assertThat(choice.changed()).isTrue();
        Plan plan = choice.prediction().plan();
        assertThat(plan.shape()).isEqualTo(Plan.Shape.STAR);
        assertThat(plan.interval()).isGreaterThan(200);
        assertThat(choice.prediction().median()).isLessThanOrEqualTo(0.8 * 400);
        assertThat(choice.prediction().max()).isLessThanOrEqualTo(0.7 * 600);
        double balanced = new TrafficModel(1).messagesPerSecond(BALANCED, conditions);
        assertThat(choice.prediction().messagesPerSecond()).isLessThan(balanced / 2);
    }

    @Test
    void aSteadyNetworkKeepsLessOfTheMaximumInReserveThanAHeavyTail() {
        BroadcastProperties.Objective shipped = ShippedConfig.broadcast().objective();
        double steady = new Conditions(25, 50, 2, constant(100)).tailScale();
        double heavy = new Conditions(25, 50, 2, exponential(50)).tailScale();
        assertThat(steady).isZero();
        assertThat(heavy).as("an exponential tail's scale is its mean").isBetween(35.0, 65.0);

        assertThat(Judge.maxMargin(shipped, steady)).isEqualTo(shipped.maxMarginFloor());
        assertThat(Judge.maxMargin(shipped, heavy)).isEqualTo(shipped.maxMargin());
        assertThat(Judge.maxMargin(shipped, 10)).isStrictlyBetween(shipped.maxMarginFloor(), shipped.maxMargin());

        // The same steady network under both margins: the plan that keeps less in reserve sends fewer messages.
        Conditions conditions = new Conditions(25, 50, 2, constant(100));
        Planner.Choice lean = planner(shipped).choose(conditions, BALANCED);
        Planner.Choice wary = planner(THREE_D).choose(conditions, BALANCED);
        assertThat(lean.prediction().max()).isGreaterThan(wary.prediction().max())
                .isLessThanOrEqualTo((1 - shipped.maxMarginFloor()) * 600);
        assertThat(lean.prediction().messagesPerSecond()).isLessThan(wary.prediction().messagesPerSecond());
    }

    @Test
    void whereTwoHopsCannotMeetTheMedianOnlyADirectSendIsChosen() {
        // 400 ms a hop: the star's two hops alone are 800 ms, the objective allows a median of 600.
        Planner planner = planner(objective(600, 1000));
        Conditions conditions = new Conditions(25, 50, 2, constant(400));
        Planner.Choice once = planner.choose(conditions, BALANCED);
        assertThat(once.changed()).as("a plan many times as costly waits for a second miss").isFalse();
        assertThat(once.reason()).contains("waits for a second miss");

        Planner.Choice choice = planner.choose(conditions, BALANCED);
        assertThat(choice.changed()).isTrue();
        assertThat(choice.meetsObjective()).isTrue();
        assertThat(choice.prediction().plan().shape()).isEqualTo(Plan.Shape.DIRECT);
    }

    @Test
    void aPlanThatStillMeetsTheObjectiveIsKept() {
        Conditions conditions = new Conditions(25, 50, 2, constant(100));
        Planner planner = planner(THREE_D);
        Plan chosen = planner.choose(conditions, BALANCED).prediction().plan();

        Planner.Choice again = planner.choose(new Conditions(25, 52, 2, constant(101)), chosen);
        assertThat(again.changed()).isFalse();
        assertThat(again.prediction().plan()).isEqualTo(chosen);
    }

    @Test
    void anObjectiveNoPlanCanMeetGetsTheClosestAndSaysSo() {
        Planner planner = planner(objective(20, 30));
        planner.choose(new Conditions(25, 50, 2, constant(100)), BALANCED);
        Planner.Choice choice = planner.choose(new Conditions(25, 50, 2, constant(100)), BALANCED);

        assertThat(choice.meetsObjective()).isFalse();
        assertThat(choice.reason()).contains("no plan meets");
        // The closest a 100 ms network allows is one hop; the plan gives up at most a quarter of that miss.
        assertThat(choice.prediction().max()).isLessThan(200);
    }

    @Test
    void whereNothingMeetsAndTwoLongHopsPassTheMaximumSettledForTheClosestPlanIsSettledForInOneHop() {
        // 5 nodes, 400 ms constant, clients running free at the workload's start (real rates of a simulated
        // --rate 500): nothing meets, and a star looked close only while the reads were many enough to hide
        // most of its second hop. Its own sparse batches hold the clients back, and its values then took
        // two hops and the hub's wait (simulated, 794 and 893 ms).
        Conditions conditions = new Conditions(5, 94.8, 62.8, constant(402));
        Planner.Choice choice = planner(ShippedConfig.broadcast().objective()).choose(conditions, new Plan(0, Plan.Shape.DIRECT, 0, 0));

        assertThat(choice.meetsObjective()).isFalse();
        assertThat(choice.reason()).contains("no plan meets").contains("in one hop");
        assertThat(choice.prediction().plan().shape().fansOut()).isTrue();
    }

    @Test
    void whereTheClosestPlanIsWithinTheObjectiveWhatIsSettledForIsWithinItToo() {
        // 10 nodes, 400 ms constant, clients running free: direct sends without a linger are predicted at a 395 ms
        // median, inside 400 but not inside its margin. A quarter more than that is 402 ms, and such a plan ran
        // medians of 403-404 ms (simulated, seeds 1 and 3) where direct sends ran 388.
        Conditions conditions = new Conditions(10, 81.8, 40.3, constant(404));
        Planner.Choice choice = planner(ShippedConfig.broadcast().objective()).choose(conditions, new Plan(0, Plan.Shape.DIRECT, 0, 0));

        assertThat(choice.meetsObjective()).isFalse();
        assertThat(choice.reason()).as("kept, within the objective itself").contains("still within median <= 400 ms, max <= 600 ms");
        assertThat(choice.prediction().plan()).isEqualTo(new Plan(0, Plan.Shape.DIRECT, 0, 0));
        assertThat(choice.prediction().median()).isLessThanOrEqualTo(400);
    }

    @Test
    void whereNothingMeetsButTwoOfTheUsualHopsFitTheClosestMayStillGoThroughTheHub() {
        // 200 ms exponential: no plan meets 3d, and the network's hop read as the start reads it is its median.
        Conditions conditions = new Conditions(25, 50, 2, exponential(200));
        Planner planner = planner(ShippedConfig.broadcast().objective());
        planner.choose(conditions, BALANCED); // a plan twice as costly waits for a second miss
        Planner.Choice choice = planner.choose(conditions, BALANCED);

        assertThat(choice.reason()).contains("no plan meets").doesNotContain("in one hop");
        assertThat(2 * conditions.longestHop()).isLessThan(600);
    }

    @Test
    void aLingerTheOriginsFanOutByIsLengthenedInStepsTheChangeOverCanAfford() {
        // Real Maelstrom, 3 nodes at 300 ms: from direct sends without a linger, the hub took a 455 ms linger at
        // once; a value that waited it landed among the others' unbatched sends, which hid none of its flight.
        BroadcastProperties.Objective shipped = ShippedConfig.broadcast().objective();
        Conditions conditions = new Conditions(3, 22.6, 7.4, constant(300));
        Plan unbatched = new Plan(1, Plan.Shape.DIRECT, 0, 0);
        Plan first = planner(shipped).choose(conditions, unbatched).prediction().plan().numbered(2);
        Planner afterTheFirstStep = planner(shipped);
        afterTheFirstStep.choose(conditions, first); // a cheaper plan is taken at the second look that finds it
        Plan second = afterTheFirstStep.choose(conditions, first).prediction().plan();
        assertThat(first.shape()).isEqualTo(Plan.Shape.DIRECT);
        assertThat(second.linger()).as("the next step").isGreaterThan(first.linger());

        Judge settled = Judge.of(shipped, new TrafficModel(1), conditions);
        Judge changingOver = Judge.of(shipped, new TrafficModel(1), conditions, unbatched);
        assertThat(changingOver.predict(second).max()).as("the whole way at once")
                .isGreaterThan(settled.predict(second).max() + 50);
        assertThat(settled.meets(settled.predict(second))).isTrue();
        assertThat(changingOver.meets(changingOver.predict(second))).isFalse();
        assertThat(changingOver.predict(unbatched)).as("a plan kept changes nothing").isEqualTo(settled.predict(unbatched));
    }

    @Test
    void aPlanThatMeetsIsNotBoughtAtMoreThanTwiceTheMessagesOfOneWithinTheBandOfTheLimits() {
        // Real Maelstrom, 30 nodes at 60 ms exponential: one window of the tail made every star miss by a few
        // per cent, and the node sent direct and through the hub for two seconds at 1,401 msgs/s, where the
        // star sent twice at 207 met again at the next look. The prediction moves by that much from one window
        // to the next; a plan within 8 % of the limits is taken over one that meets at more than twice the cost.
        // The record of delays is one on which, like that window, every star misses by a few per cent.
        Conditions conditions = new Conditions(30, 45, 2, exponential(60, 79));
        BroadcastProperties.Objective shipped = ShippedConfig.broadcast().objective();
        Planner.Choice choice = planner(shipped).choose(conditions, BALANCED);

        Judge judge = Judge.of(shipped, new TrafficModel(1), conditions);
        assertThat(judge.meets(choice.prediction())).isFalse();
        assertThat(judge.scaledBy(Judge.KEEP_WITHIN).meets(choice.prediction())).isTrue();
        assertThat(choice.prediction().plan().shape().fansOut()).as(choice.reason()).isFalse();
        assertThat(choice.reason()).contains("cost more than 2.0 times");
    }

    @Test
    void whereNoPlanMeetsTheObjectiveATailThatMovesByATenthKeepsThePlan() {
        // 25 nodes at 100 ms exponential: no plan meets 3d's maximum, and the limits the planner settles
        // for come from the tail of the delays, which moves from one window to the next. A move of a
        // tenth either way keeps the plan.
        Planner planner = planner(THREE_D);
        long[] delays = exponential(100);
        planner.choose(new Conditions(25, 45, 2, delays), BALANCED);
        Planner.Choice first = planner.choose(new Conditions(25, 45, 2, delays), BALANCED);
        assertThat(first.meetsObjective()).isFalse();
        Plan chosen = first.prediction().plan();
        for (double scale : new double[] {0.9, 1.1, 0.9, 1.1}) {
            long[] moved = Arrays.stream(delays).map(delay -> Math.round(delay * scale)).toArray();
            Planner.Choice again = planner.choose(new Conditions(25, 45, 2, moved), chosen);
            assertThat(again.changed()).as("delays x%.1f: %s", scale, again.reason()).isFalse();
        }
    }

    @Test
    void aPlanChosenUnderAHeavyTailIsKeptAsTheWindowsOfTheSameNetworkComeAndGo() {
        // 25 nodes at 50 ms exponential: each window of 512 delays has a tail of its own, and the maximum
        // predicted from it moves by a tenth or more (the eighth window's puts the plan 21 % over the
        // limit). The plan chosen from the first window is kept through the next seven; with the fixed
        // band alone the eighth would leave it.
        Planner planner = planner(ShippedConfig.broadcast().objective());
        Planner.Choice first = planner.choose(new Conditions(25, 50, 2, exponential(50, 1)), BALANCED);
        assertThat(first.meetsObjective()).isTrue();
        Plan chosen = first.prediction().plan().numbered(1);
        for (long window = 2; window <= 8; window++) {
            Planner.Choice again = planner.choose(new Conditions(25, 50, 2, exponential(50, window)), chosen);
            assertThat(again.changed()).as("window %d: %s", window, again.reason()).isFalse();
        }
    }

    @Test
    void theStartingPlanGetsNoBenefitOfTheDoubtForTheTail() {
        Plan chosen = planner(ShippedConfig.broadcast().objective())
                .choose(new Conditions(25, 50, 2, exponential(50, 1)), BALANCED).prediction().plan();
        Conditions slowWindow = new Conditions(25, 50, 2, exponential(50, 8));

        Planner.Choice asChosen = planner(ShippedConfig.broadcast().objective()).choose(slowWindow, chosen.numbered(1));
        Planner.Choice asTheStart = planner(ShippedConfig.broadcast().objective()).choose(slowWindow, chosen);

        assertThat(asChosen.changed()).as(asChosen.reason()).isFalse();
        assertThat(asTheStart.changed()).as(asTheStart.reason()).isTrue();
    }

    @Test
    void aPlanThatSavesLessThanHalfWaitsForASecondLookAndALargerSavingIsTakenAtOnce() {
        BroadcastProperties.Objective shipped = ShippedConfig.broadcast().objective();
        Planner planner = planner(shipped);
        Plan chosen = planner.choose(new Conditions(25, 50, 2, constant(200)), BALANCED).prediction().plan().numbered(1);
        Conditions faster = new Conditions(25, 50, 2, constant(100));

        Planner.Choice first = planner.choose(faster, chosen);
        assertThat(first.changed()).as(first.reason()).isFalse();
        assertThat(first.looksAgain()).as("the same conditions are looked at again").isTrue();
        assertThat(first.reason()).contains("waits for a second look");
        Planner.Choice second = planner.choose(faster, chosen);
        assertThat(second.changed()).as(second.reason()).isTrue();
        assertThat(second.prediction().messagesPerSecond()).isStrictlyBetween(
                first.prediction().messagesPerSecond() / 2, 0.85 * first.prediction().messagesPerSecond());

        // The same move from the starting plan, which nothing measured chose, is taken at once.
        assertThat(planner(shipped).choose(faster, chosen.numbered(0)).changed()).isTrue();
        // And from a plan three times as costly (a slow spell over), at once too.
        Planner fromTheSpell = planner(shipped);
        Planner.Choice spell = fromTheSpell.choose(new Conditions(25, 50, 2, constant(250)), BALANCED);
        Planner.Choice back = fromTheSpell.choose(faster, spell.prediction().plan().numbered(1));
        assertThat(back.changed()).as(back.reason()).isTrue();
        assertThat(back.prediction().messagesPerSecond()).isLessThan(spell.prediction().messagesPerSecond() / 2);
    }

    @Test
    void aPlanIsKeptUntilAnotherSavesAFifthOnAHeavyTailAnd15PerCentElsewhere() {
        BroadcastProperties.Objective shipped = ShippedConfig.broadcast().objective();
        TrafficModel traffic = new TrafficModel(1);
        long[] uniform = new long[512];
        Arrays.setAll(uniform, i -> i * 200L / 512);
        assertThat(Judge.of(shipped, traffic, new Conditions(25, 50, 2, exponential(50))).unboundedTail()).isTrue();
        assertThat(Judge.of(shipped, traffic, new Conditions(25, 50, 2, uniform)).unboundedTail()).isFalse();
        assertThat(Judge.of(shipped, traffic, new Conditions(25, 50, 2, constant(100))).unboundedTail()).isFalse();

        assertThat(leavesForASavingOf15To20PerCent(new Conditions(25, 50, 2, exponential(50)))).isFalse();
        assertThat(leavesForASavingOf15To20PerCent(new Conditions(25, 50, 2, constant(100)))).isTrue();
    }

    /** Whether a plan the chosen one saves 15-20 % of is left, after two looks under the same conditions. */
    private static boolean leavesForASavingOf15To20PerCent(Conditions conditions) {
        BroadcastProperties.Objective shipped = ShippedConfig.broadcast().objective();
        TrafficModel traffic = new TrafficModel(1);
        Plan best = planner(shipped).choose(conditions, BALANCED).prediction().plan();
        // The same plan with a shorter interval, which costs 18-24 % more.
        Plan current = null;
        for (long interval = best.interval() - PlanSearch.STEP; interval > 0 && current == null; interval -= PlanSearch.STEP) {
            Plan shorter = new Plan(1, best.shape(), best.linger(), interval);
            double ratio = traffic.messagesPerSecond(shorter, conditions) / traffic.messagesPerSecond(best, conditions);
            current = ratio > 1.18 && ratio < 1.24 ? shorter : null;
        }
        assertThat(current).as("a plan that costs 18-24 %% more than %s", best.describe()).isNotNull();
        Planner planner = planner(shipped);
        return planner.choose(conditions, current).changed() || planner.choose(conditions, current).changed();
    }

    @Test
    void aSpellOfSlowDelaysSlowsAFewValuesOnEveryPathAndBuysNoCostlierShape() {
        long[] spell = constant(100);
        Arrays.fill(spell, 200, 240, 500);
        Planner planner = planner(THREE_D);
        Plan chosen = planner.choose(new Conditions(25, 50, 2, constant(100)), BALANCED).prediction().plan();

        Planner.Choice choice = planner.choose(new Conditions(25, 50, 2, spell), chosen);
        // Forty slow delays in a row touch a few values whichever the shape: no shape meets the maximum,
        // and the star stays the cheapest way within a tenth of the closest.
        assertThat(choice.prediction().plan().shape()).isEqualTo(Plan.Shape.STAR);
    }

    @Test
    void longerWaitsPredictFewerMessagesAndTheSameDrawsGiveTheSamePrediction() {
        Conditions conditions = new Conditions(25, 50, 2, exponential(100));
        TrafficModel traffic = new TrafficModel(1);
        double previous = Double.MAX_VALUE;
        for (long interval : new long[] {0, 50, 100, 200, 400, 800}) {
            double messages = traffic.messagesPerSecond(new Plan(0, Plan.Shape.STAR, 0, interval), conditions);
            assertThat(messages).isLessThan(previous);
            previous = messages;
        }
        Plan star = new Plan(0, Plan.Shape.STAR, 0, 300);
        TrafficModel.Rates rates = TrafficModel.rates(star, conditions);
        assertThat(new DeliveryModel(conditions).latencies(star, rates))
                .containsExactly(new DeliveryModel(conditions).latencies(star, rates));
    }

    @Test
    void aDirectSendCostsEveryOriginBatchOnceForEachPeer() {
        Conditions conditions = new Conditions(10, 20, 2, constant(50));
        double direct = new TrafficModel(1).messagesPerSecond(new Plan(0, Plan.Shape.DIRECT, 0, 0), conditions);
        // 20 values/s, each sent alone to 9 peers; bare acknowledgements only where nodes hear more than they say.
        assertThat(direct).isBetween(20.0 * 9, 20.0 * 9 + 9);
    }

    @Test
    void whereTheFirstHopsTailMakesTheStarMissOriginsSendToTheHubTwiceRatherThanToEveryone() {
        // Real Maelstrom, 30 nodes at 60 ms exponential: no star's predicted maximum kept the margin, and the
        // node paid for sending straight to everyone (8-12 msgs-per-op against balanced's 3.6). A slow first
        // hop makes a value late at every node; the earlier of two copies of it rarely is slow.
        BroadcastProperties.Objective shipped = ShippedConfig.broadcast().objective();
        Conditions conditions = new Conditions(30, 50, 2, exponential(60));
        Planner.Choice choice = planner(shipped).choose(conditions, BALANCED);

        assertThat(choice.meetsObjective()).isTrue();
        Plan plan = choice.prediction().plan();
        assertThat(plan.shape()).as(choice.reason()).isEqualTo(Plan.Shape.STAR_TWICE);
        DeliveryModel model = new DeliveryModel(conditions);
        Plan once = new Plan(0, Plan.Shape.STAR, plan.linger(), plan.interval());
        double onceMax = Judge.quantile(model.latencies(once, TrafficModel.rates(once, conditions)), 0.999);
        assertThat(onceMax).as("the same star, each batch sent once").isGreaterThan(choice.prediction().max());
        TrafficModel traffic = new TrafficModel(1);
        assertThat(choice.prediction().messagesPerSecond())
                .isLessThan(traffic.messagesPerSecond(new Plan(0, Plan.Shape.DIRECT, 0, 0), conditions) / 4);
    }

    @Test
    void sendingToTheHubTwiceCostsOneMessageMoreForEachOriginsBatchAndOnAConstantNetworkSavesNothing() {
        Conditions conditions = new Conditions(10, 20, 2, constant(50));
        TrafficModel traffic = new TrafficModel(1);
        Plan once = new Plan(0, Plan.Shape.STAR, 100, 250);
        Plan twice = new Plan(0, Plan.Shape.STAR_TWICE, 100, 250);
        double extra = 9 * TrafficModel.rates(once, conditions).originBatches();
        assertThat(traffic.messagesPerSecond(twice, conditions) - traffic.messagesPerSecond(once, conditions))
                .isCloseTo(extra, within(1e-9));

        DeliveryModel model = new DeliveryModel(conditions);
        assertThat(model.latencies(twice, TrafficModel.rates(twice, conditions)))
                .containsExactly(model.latencies(once, TrafficModel.rates(once, conditions)));
        assertThat(model.secondCopyHelps()).as("so the planner does not try it").isFalse();
        assertThat(new DeliveryModel(new Conditions(10, 20, 2, exponential(50))).secondCopyHelps()).isTrue();
        Planner.Choice choice = planner(THREE_D).choose(conditions, BALANCED);
        assertThat(choice.prediction().plan().shape()).isEqualTo(Plan.Shape.STAR);
    }

    private static Planner planner(BroadcastProperties.Objective objective) {
        return new Planner(objective, new TrafficModel(1));
    }

    @Test
    void underTheStartingStarAnOriginSpacesItsSendsByWhatTheMaximumLeavesAfterTheHubsIntervalAndTwoHops() {
        BroadcastProperties.Objective objective = objective(400, 600); // max limit 600 x (1 - 0.3) = 420
        Plan start = new Plan(0, Plan.Shape.STAR, 0, 250);
        assertThat(Planner.startOriginInterval(start, objective, 2)).as("two short hops leave 166 ms").isEqualTo(100);
        assertThat(Planner.startOriginInterval(start, objective, 60)).isEqualTo(50);
        assertThat(Planner.startOriginInterval(start, objective, 100)).as("two hops and the interval fill it").isZero();
        assertThat(Planner.startOriginInterval(start, objective, Long.MAX_VALUE)).as("no hop known yet").isZero();
        assertThat(Planner.startOriginInterval(new Plan(1, Plan.Shape.STAR, 0, 250), objective, 2)).as("a chosen plan").isZero();
        assertThat(Planner.startOriginInterval(new Plan(0, Plan.Shape.DIRECT, 100, 0), objective, 2)).as("a direct start").isZero();
    }

    @Test
    void theStartsDescriptionNamesTheOriginsSpacingWhereItHasOne() {
        BroadcastProperties.Objective objective = objective(400, 600);
        Plan start = new Plan(0, Plan.Shape.STAR, 0, 250);
        assertThat(Planner.describeStart(start, objective, 60))
                .isEqualTo(start.describe() + ", an origin's sends to the hub at least 50 ms apart");
        assertThat(Planner.describeStart(start, objective, 100)).as("no spacing left").isEqualTo(start.describe());
        Plan chosen = new Plan(1, Plan.Shape.STAR, 0, 250);
        assertThat(Planner.describeStart(chosen, objective, 60)).as("a chosen plan").isEqualTo(chosen.describe());
    }

    private static BroadcastProperties.Objective objective(long median, long max) {
        return new BroadcastProperties.Objective(Duration.ofMillis(median), Duration.ofMillis(max), 0.2, 0.3, 0.3,
                Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ZERO);
    }
}
