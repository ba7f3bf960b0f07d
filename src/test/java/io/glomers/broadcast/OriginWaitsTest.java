package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class OriginWaitsTest {

    private static final long LINGER = 400;
    private static final Plan DIRECT = new Plan(1, Plan.Shape.DIRECT, LINGER, 0);

    @Test
    void theShareIsTheMeanWaitOfTheHubsOwnValuesOverTheLingerOnceEnoughAreKnown() {
        OriginWaits waits = new OriginWaits();
        // A burst right after the batch opened: every value of it waits 300 or 400 ms of the 400 ms linger.
        for (int batch = 0; batch < OriginWaits.MIN_SAMPLES / 2; batch++) {
            long opened = 1_000L * batch;
            waits.taken(2L * batch, opened);
            waits.taken(2L * batch + 1, opened + 100);
            if (batch < OriginWaits.MIN_SAMPLES / 2 - 1) {
                waits.left(new long[] {2L * batch, 2L * batch + 1, 999_999}, opened + LINGER, LINGER);
                assertThat(waits.shares()).isEmpty();
            } else {
                waits.left(new long[] {2L * batch, 2L * batch + 1}, opened + LINGER, LINGER);
            }
        }
        double[] shares = waits.shares();
        assertThat(shares).hasSize(OriginWaits.MIN_SAMPLES).containsOnly(1.0, 0.75);
        assertThat(Arrays.stream(shares).average().orElseThrow()).isCloseTo(0.875, within(1e-9));
    }

    @Test
    void aValueIsCountedOnceWhenItsBatchLeavesForEveryPeerAndNotUnderAPlanWithoutALinger() {
        OriginWaits waits = new OriginWaits();
        long[] values = LongStream.range(0, OriginWaits.MIN_SAMPLES).toArray();
        for (long value : values) {
            waits.taken(value, 0);
        }
        waits.left(values, 0, 0); // a star: the hub's values wait for its flush, not a linger
        waits.left(values, LINGER, LINGER);
        assertThat(waits.shares()).isEmpty();

        for (long value : values) {
            waits.taken(value, 0);
        }
        waits.left(values, LINGER / 2, LINGER);
        waits.left(values, LINGER, LINGER); // the same batch to the next peer
        assertThat(waits.shares()).hasSize(values.length).containsOnly(0.5);
    }

    @Test
    void theShareIsOverTheLatestWaitsAndStartsAgainWithANewPlan() {
        OriginWaits waits = new OriginWaits();
        for (int i = 0; i < OriginWaits.WINDOW; i++) {
            waits.taken(i, 0);
            waits.left(new long[] {i}, LINGER / 4, LINGER);
        }
        for (int i = 0; i < OriginWaits.WINDOW; i++) {
            waits.taken(10_000 + i, 0);
            waits.left(new long[] {10_000 + i}, LINGER, LINGER);
        }
        assertThat(waits.shares()).hasSize(OriginWaits.WINDOW).containsOnly(1.0);
        waits.restart();
        assertThat(waits.shares()).isEmpty();
    }

    @Test
    void measuredWaitsLongerThanTheModelsAreDrawnAsTheyWereUnderADirectPlanButNotAStarsOrWithoutThem() {
        // A burst: four values in five wait 90 % of the linger, the fifth 10 %.
        double[] burst = {0.1, 0.9, 0.9, 0.9, 0.9};
        double model = meanWait(DIRECT, new double[0]);
        assertThat(meanWait(DIRECT, burst)).isCloseTo(0.8 * LINGER, within(0.01 * LINGER)).isGreaterThan(model);
        assertThat(OriginWaits.predicted(0.5, DIRECT, 20, burst, mean(burst))).as("the median of the waits, not of a fit to their mean")
                .isCloseTo(0.9 * LINGER, within(1e-9));
        assertThat(OriginWaits.predicted(0.1, DIRECT, 20, burst, mean(burst))).as("between two waits")
                .isCloseTo(0.42 * LINGER, within(1e-9));
        assertThat(meanWait(DIRECT, new double[] {0.1, 0.2, 0.3})).as("waits below the model's are not taken").isEqualTo(model);
        Plan star = new Plan(1, Plan.Shape.STAR, LINGER, 250);
        assertThat(meanWait(star, burst)).isEqualTo(meanWait(star, new double[0]));
    }

    private static double meanWait(Plan plan, double[] measured) {
        int draws = 100_000;
        double sum = 0;
        for (int i = 0; i < draws; i++) {
            sum += OriginWaits.predicted((i + 0.5) / draws, plan, 20, measured, mean(measured));
        }
        return sum / draws;
    }

    private static double mean(double[] shares) {
        return Arrays.stream(shares).average().orElse(Double.NaN);
    }
}
