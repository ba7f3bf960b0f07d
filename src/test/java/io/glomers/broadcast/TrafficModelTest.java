package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrafficModelTest {

    /** An origin's batches a second, and the hub's flushes: about two batches of a node's in three of the hub's cycles. */
    private static final TrafficModel.Rates RATES = new TrafficModel.Rates(3, 4.5, 0, 0);

    @Test
    void inAClusterOfTwoWithoutTheHubsOwnValuesEveryFlushHoldsOnlyTheNodesOwnBatch() {
        assertThat(RATES.skipped(2, 0)).isEqualTo(1.0);
    }

    @Test
    void theMoreOtherNodesAndHubValuesThereAreTheRarerAFlushWithNothingForTheNode() {
        double three = RATES.skipped(3, 0);
        assertThat(three).isBetween(0.0, 1.0);
        assertThat(RATES.skipped(5, 0)).isLessThan(three);
        assertThat(RATES.skipped(3, 4)).isLessThan(three);
        assertThat(RATES.skipped(25, 20)).isLessThan(1e-6);
    }

    @Test
    void withoutFlushesNothingIsSkipped() {
        assertThat(new TrafficModel.Rates(3, 0, 9, 9).skipped(5, 2)).isZero();
    }

    @Test
    void theShareIsThatOfCyclesWithArrivalsWhoseArrivalsAreAllTheNodesOwn() {
        // Arrivals counted cycle by cycle from Poisson draws, against the closed form.
        int nodes = 4;
        double hubValues = 2;
        SplittableRandom random = new SplittableRandom(7);
        int flushes = 0;
        int skipped = 0;
        for (int cycle = 0; cycle < 200_000; cycle++) {
            int own = poisson(random, RATES.originBatches() / RATES.hubFlushes());
            int others = poisson(random, ((nodes - 2) * RATES.originBatches() + hubValues) / RATES.hubFlushes());
            if (own + others > 0) {
                flushes++;
                skipped += others == 0 ? 1 : 0;
            }
        }
        assertThat(RATES.skipped(nodes, hubValues)).isCloseTo((double) skipped / flushes, within(0.005));
    }

    private static int poisson(SplittableRandom random, double mean) {
        int count = 0;
        for (double t = -Math.log(1 - random.nextDouble()); t < mean; t -= Math.log(1 - random.nextDouble())) {
            count++;
        }
        return count;
    }
}
