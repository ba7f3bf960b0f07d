package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionsTest {

    private static final long[] DELAYS = {100, 101, 102, 99, 100};

    @Test
    void conditionsThatDifferOnlyInWaitSharesWithinAFewHundredthsAreCloseAndMoreOrAFirstMeasurementAreNot() {
        Conditions unmeasured = new Conditions(3, 100, 20, DELAYS);
        Conditions measured = new Conditions(3, 100, 20, DELAYS, new double[] {0.9, 0.3, 0.9});
        assertThat(unmeasured.closeTo(new Conditions(3, 100, 20, DELAYS))).isTrue();
        assertThat(measured.closeTo(new Conditions(3, 100, 20, DELAYS, new double[] {0.3, 0.94, 0.94}))).isTrue();
        assertThat(measured.closeTo(new Conditions(3, 100, 20, DELAYS, new double[] {0.3, 1.0, 1.0}))).isFalse();
        assertThat(measured.closeTo(new Conditions(3, 100, 20, DELAYS, new double[] {0.36, 0.9, 0.9})))
                .as("the same median, a mean 0.02 higher").isTrue();
        assertThat(measured.closeTo(new Conditions(3, 100, 20, DELAYS, new double[] {0.2, 0.7, 1.0})))
                .as("about the same mean, a median 0.2 lower").isFalse();
        assertThat(measured.closeTo(unmeasured)).isFalse();
        assertThat(measured.describe()).endsWith("values waited 0.70 of the linger (median 0.90)");
        assertThat(unmeasured.describe()).doesNotContain("waited");
    }
}
