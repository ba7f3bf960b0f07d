package io.glomers.bench.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The node's wake-up, the part of a light-load reply that is not CPU. */
class HostCostsTest {

    private static final int DRAWS = 20_000;

    private static double[] drawsInMedians(HostCosts costs) {
        Random random = new Random(7);
        double median = costs.nodeWake().toNanos();
        double[] draws = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            draws[i] = costs.drawNodeWake(random).toNanos() / median;
        }
        Arrays.sort(draws);
        return draws;
    }

    @Test
    void wakesAreLogNormalAroundTheMedianWithTheMeasuredSpreadAndACap() {
        double[] draws = drawsInMedians(HostCosts.SIMULATED);
        double tenth = Math.exp(-1.2816 * HostCosts.NODE_WAKE_SIGMA);

        assertThat(draws[DRAWS / 2]).isCloseTo(1.0, within(0.05));
        assertThat(draws[DRAWS / 10]).isCloseTo(tenth, within(0.05 * tenth + 0.01));
        assertThat(draws[DRAWS * 9 / 10]).isCloseTo(1 / tenth, within(0.05 / tenth));
        assertThat(draws[DRAWS - 1]).isLessThanOrEqualTo(20.0);
        assertThat(draws[0]).isPositive();
    }

    @Test
    void noWakeWhereItIsNotModelled() {
        Random random = new Random(7);
        assertThat(HostCosts.NONE.drawNodeWake(random)).isZero();
        assertThat(HostCosts.JVM_PER_NODE.drawNodeWake(random)).as("fitted with the wake inside its costs").isZero();
        assertThat(HostCosts.REAL_TIME.nodeWake()).as("the real-time bench's nodes are real").isZero();
    }

    @Test
    void theWakeIsAnOptionLikeTheOtherCosts() {
        assertThat(String.join(" ", HostCosts.SIMULATED.asOptions()))
                .contains("--cpu-node-wake " + HostCosts.SIMULATED.nodeWake().toNanos() / 1_000);
    }
}
