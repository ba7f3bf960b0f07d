package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a peer's lack counts as a gap: the values that arrived before the horizon, or before the grace period. */
class RecentArrivalsTest {

    private static final long GRACE = 1000;

    @Test
    void takesOutWhatArrivedAtOrAfterTheHorizonAndLeavesWhatCameBefore() {
        RecentArrivals recent = arrivalsAt(0, 100, 200, 300);
        ValueSet lacking = ValueSet.of(0, 100, 200, 300, 7);
        recent.removeArrivedSince(lacking, 200, 400);
        assertThat(lacking).isEqualTo(ValueSet.of(0, 100, 7));
    }

    @Test
    void aHorizonBeforeTheGracePeriodTakesOutOnlyThePeriodsValues() {
        RecentArrivals recent = arrivalsAt(0, 100, 200, 300);
        ValueSet lacking = ValueSet.of(0, 100, 200, 300, 7);
        recent.removeArrivedSince(lacking, 0, 150 + GRACE);
        assertThat(lacking).as("0 and 100 are forgotten: gaps, whatever the horizon").isEqualTo(ValueSet.of(0, 100, 7));
    }

    @Test
    void aValueThatArrivedAgainCountsFromItsLatestArrival() {
        RecentArrivals recent = arrivalsAt(0, 100);
        recent.add(900, 0);
        ValueSet lacking = ValueSet.of(0, 100);
        recent.removeArrivedSince(lacking, 500, 200 + GRACE);
        assertThat(lacking).isEqualTo(ValueSet.of(100));
    }

    /** Each value arrives at the time of its own number. */
    private static RecentArrivals arrivalsAt(long... times) {
        RecentArrivals recent = new RecentArrivals(GRACE);
        for (long time : times) {
            recent.add(time, time);
        }
        return recent;
    }
}
