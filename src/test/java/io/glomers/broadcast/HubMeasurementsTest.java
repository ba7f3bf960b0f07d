package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.testing.ShippedConfig;
import org.junit.jupiter.api.Test;

/** Which gossip the hub takes for late: a hop far past the usual, by the latest conditions measured. */
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
