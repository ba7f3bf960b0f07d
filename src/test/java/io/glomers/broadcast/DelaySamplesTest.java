package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** The record of one-way delays, and how it forgets the delays of a network that has since changed. */
class DelaySamplesTest {

    @Test
    void aSpellOfSlowHopsLeavesOnlyItsOwnDelaysAndSoDoesItsEnd() {
        DelaySamples samples = new DelaySamples();
        record(samples, 300, () -> 100);
        record(samples, 100, () -> 300);

        assertThat(samples.sinceTheNetworkChanged()).hasSize(100).containsOnly(300L);

        record(samples, 40, () -> 100);
        assertThat(samples.sinceTheNetworkChanged()).hasSize(40).containsOnly(100L);
    }

    @Test
    void theChangeIsFoundWhereItHappenedThoughTheDelaysAreNoisy() {
        SplittableRandom random = new SplittableRandom(7);
        DelaySamples samples = new DelaySamples();
        record(samples, 400, () -> exponential(random, 50));
        record(samples, 80, () -> exponential(random, 150));

        // The split lands within a few delays of the change: an exponential's early draws after it may be short.
        assertThat(samples.sinceTheNetworkChanged().length).isBetween(75, 90);
    }

    @Test
    void anUnchangingNetworkKeepsItsWholeRecordWhateverItsTail() {
        SplittableRandom random = new SplittableRandom(2026);
        int forgotten = 0;
        for (int window = 0; window < 200; window++) {
            for (LongSupplier delay : new LongSupplier[] {() -> exponential(random, 50), () -> exponential(random, 200),
                    () -> random.nextLong(0, 200), () -> 100 + random.nextLong(0, 3)}) {
                DelaySamples samples = new DelaySamples();
                record(samples, DelaySamples.CAPACITY, delay);
                if (samples.sinceTheNetworkChanged().length < DelaySamples.CAPACITY) {
                    forgotten++;
                }
            }
        }
        assertThat(forgotten).as("records of unchanging networks cut, of 800").isZero();
    }

    @Test
    void aChangeOfLessThanHalfOrLateMessagesAmongUsualOnesAreNoChange() {
        DelaySamples smaller = new DelaySamples();
        record(smaller, 300, () -> 100);
        record(smaller, 200, () -> 140);
        assertThat(smaller.sinceTheNetworkChanged()).hasSize(500);

        // Late messages among the usual ones (a busy moment, a pause) spread the record out; its level stays.
        DelaySamples burst = new DelaySamples();
        record(burst, 300, () -> 100);
        int[] next = {0};
        record(burst, 90, () -> next[0]++ % 10 == 0 ? 900 : 100);
        assertThat(burst.sinceTheNetworkChanged()).hasSize(390);

        // A few milliseconds more on a fast network is the load, not the network.
        DelaySamples fast = new DelaySamples();
        record(fast, 300, () -> 0);
        record(fast, 200, () -> 2);
        assertThat(fast.sinceTheNetworkChanged()).hasSize(500);
    }

    @Test
    void whatIsKeptIsRecordedOnFromWhereItEnds() {
        DelaySamples samples = new DelaySamples();
        record(samples, DelaySamples.CAPACITY, () -> 100);
        record(samples, 64, () -> 300);
        assertThat(samples.sinceTheNetworkChanged()).hasSize(64);

        record(samples, 10, () -> 301);
        long[] delays = samples.snapshot();
        assertThat(delays).hasSize(74);
        assertThat(Arrays.copyOfRange(delays, 64, 74)).containsOnly(301L);
    }

    private static void record(DelaySamples samples, int count, LongSupplier delay) {
        for (int i = 0; i < count; i++) {
            long now = 1_000_000 + i;
            samples.record(now - delay.getAsLong(), now);
        }
    }

    private static long exponential(SplittableRandom random, double mean) {
        return (long) (-mean * Math.log(1 - random.nextDouble()));
    }
}
