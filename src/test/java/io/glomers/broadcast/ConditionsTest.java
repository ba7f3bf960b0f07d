package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionsTest {

    private static final long[] DELAYS = {100, 101, 102, 99, 100};

    @Test
    void conditionsThatDifferOnlyInAWaitShareWithinAFewHundredthsAreCloseAndMoreOrAFirstMeasurementAreNot() {
        Conditions unmeasured = new Conditions(3, 100, 20, DELAYS);
        Conditions measured = new Conditions(3, 100, 20, DELAYS, 0.70);
        assertThat(unmeasured.closeTo(new Conditions(3, 100, 20, DELAYS))).isTrue();
        assertThat(measured.closeTo(new Conditions(3, 100, 20, DELAYS, 0.74))).isTrue();
        assertThat(measured.closeTo(new Conditions(3, 100, 20, DELAYS, 0.80))).isFalse();
        assertThat(measured.closeTo(unmeasured)).isFalse();
        assertThat(measured.describe()).endsWith("values waited 0.70 of the linger");
        assertThat(unmeasured.describe()).doesNotContain("waited");
    }
}
