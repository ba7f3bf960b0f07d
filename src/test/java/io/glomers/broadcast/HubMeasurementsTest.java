package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.testing.ShippedConfig;
import org.junit.jupiter.api.Test;

/** When the hub has measured enough to plan, and which gossip it takes for late: a hop far past the usual, by the latest conditions measured. */
class HubMeasurementsTest {

    private static final long USUAL = 50;
    private final HubMeasurements hub = new HubMeasurements(ShippedConfig.broadcast().objective());
    private long now;

    @Test
    void nothingIsLateBeforeTheHubKnowsWhatIsUsual() {
        assertThat(hop(10 * USUAL)).isFalse();
    }

    @Test
    void aRareHopFarPastTheUsualIsLateAndOneNearItIsNot() {
        usualHops(300);
        double mark = Judge.hurryAfter(ShippedConfig.broadcast().objective(), hub.conditions(4, 1, now));
        int late = 0;
        for (int i = 0; i < 3; i++) {
            usualHops(99);
            late += hop((long) mark + 1) ? 1 : 0;
        }
        assertThat(late).as("one hop in a hundred past %.0f ms", mark).isEqualTo(3);
        assertThat(hop((long) mark)).isFalse();
    }

    @Test
    void aSpellOfSlowHopsIsLateUntilTheNextLookMeasuresIt() {
        usualHops(300);
        hub.conditions(4, 1, now);
        int late = 0;
        for (int i = 0; i < 100; i++) {
            late += hop(6 * USUAL) ? 1 : 0;
        }
        assertThat(late).as("every hop of the spell, until the conditions are measured again").isEqualTo(100);

        hub.conditions(4, 1, now);
        assertThat(hop(6 * USUAL)).as("the record holds the spell now").isFalse();
    }

    @Test
    void aRecordThatFillsSlowlyIsPlannedOnWithAFewDelaysOnceTheHubHasWaitedForMore() {
        hub.arrived(1, false, 0);
        for (int i = 0; i <= HubMeasurements.FEW_SAMPLES; i++) {
            hopAt(100 + i * 100L); // the first is n1's greeting
        }
        long firstSample = 200 + USUAL;
        assertThat(hub.enoughToPlan(1_000)).as("a few delays, soon after the first").isFalse();
        assertThat(hub.enoughToPlan(firstSample + HubMeasurements.SLOW_FILL_MILLIS - 1)).isFalse();
        assertThat(hub.enoughToPlan(firstSample + HubMeasurements.SLOW_FILL_MILLIS)).as("the same, once it waited for more").isTrue();

        HubMeasurements fewer = new HubMeasurements(ShippedConfig.broadcast().objective());
        fewer.arrived(1, false, 0);
        for (int i = 0; i < HubMeasurements.FEW_SAMPLES; i++) {
            fewer.heard(new Gossip(1, 1, new long[] {i}, new long[0][], i * 100L, true, null, null, null), "n1", i * 100L + USUAL);
        }
        assertThat(fewer.enoughToPlan(60_000)).as("one fewer than a few, however long it waited").isFalse();

        HubMeasurements busy = new HubMeasurements(ShippedConfig.broadcast().objective());
        busy.arrived(1, false, 0);
        for (int i = 0; i <= HubMeasurements.MIN_SAMPLES; i++) {
            busy.heard(new Gossip(1, 1, new long[] {i}, new long[0][], (long) i, true, null, null, null), "n1", i + USUAL);
        }
        assertThat(busy.enoughToPlan(1_000)).as("enough delays to believe, once the rate is known").isTrue();
    }

    @Test
    void theConditionsCarryHowLongTheHubsOwnValuesWaitedUnderTheDirectPlanInForceAndForgetItWithANewPlan() {
        Plan direct = new Plan(1, Plan.Shape.DIRECT, 200, 0);
        usualHops(HubMeasurements.MIN_SAMPLES + 1);
        for (int i = 0; i < OriginWaits.MIN_SAMPLES; i++) {
            hub.arrived(i, true, 1_000L * i);
            hub.arrived(100_000 + i, false, 1_000L * i); // a peer's value: it waits for no batch of this node's
            hub.left(new long[] {i, 100_000 + i}, 1_000L * i + 150, direct);
        }
        assertThat(hub.conditions(3, 1, 40_000).originWaits()).hasSize(OriginWaits.MIN_SAMPLES).containsOnly(0.75);

        hub.planChanged();
        assertThat(hub.conditions(3, 1, 40_000).originWaitShare()).isNaN();
        for (int i = 0; i < OriginWaits.MIN_SAMPLES; i++) {
            hub.arrived(i, true, 1_000L * i);
            hub.left(new long[] {i}, 1_000L * i + 150, new Plan(2, Plan.Shape.STAR, 200, 250));
        }
        assertThat(hub.conditions(3, 1, 40_000).originWaitShare()).as("a star's hub waits for its flush").isNaN();
    }

    /** A gossip from n1 sent at {@code sent} that took the usual hop (the first from n1 is its greeting, no sample). */
    private void hopAt(long sent) {
        hub.heard(new Gossip(1, 1, new long[] {sent}, new long[0][], sent, true, null, null, null), "n1", sent + USUAL);
    }

    private void usualHops(int count) {
        for (int i = 0; i < count; i++) {
            hop(USUAL);
        }
    }

    /** A gossip from n1 with one value, taking this long; whether the hub took it for late. */
    private boolean hop(long millis) {
        Gossip gossip = new Gossip(1, 1, new long[] {now}, new long[0][], now, true, null, null, null);
        now += 10;
        hub.heard(gossip, "n1", gossip.sent() + millis);
        return hub.late(gossip, gossip.sent() + millis);
    }
}
