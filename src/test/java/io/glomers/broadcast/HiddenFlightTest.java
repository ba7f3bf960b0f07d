package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HiddenFlightTest {

    private static final int VALUES = 200;
    private static final int RECEIVERS = 4;
    private static final double HOP = 300;
    private static final double LINGER = 240;
    /** Clients that ask again the moment they have their reply, and only read. */
    private static final HiddenFlight.Cadence EAGER_READERS = new HiddenFlight.Cadence(LINGER, 140, Double.MAX_VALUE, 0, 1, 0);

    private final HiddenFlight loop = new HiddenFlight(VALUES, RECEIVERS);

    @Test
    void withOneOtherOriginTwoShortGapsNeverComeInARowSoAReadNeverSeesLessThanALinger() {
        // The copy's own origin sent its last batch a linger or more before; the one other origin may have sent
        // just before the copy, but then not again for a linger. The loop hid the gap since that send, the read
        // that missed the copy began when the loop went to sleep on it: a linger at least, together.
        assertThat(leastUnseen(new HiddenFlight.Senders(1, false))).isGreaterThanOrEqualTo(LINGER);
    }

    @Test
    void withManyOriginsShortGapsComeInARowAndAReadCanMissACopyJustBeforeItArrives() {
        assertThat(leastUnseen(new HiddenFlight.Senders(40, false))).isLessThan(LINGER / 10);
    }

    @Test
    void aLoopIdleWhenTheCopyWasSentHidesTheWholeHopAndReadsCameAtRandom() {
        // The hub's flushes alone, a cycle longer than the hop apart: the loop is idle whenever one is sent.
        HiddenFlight.Cadence star = new HiddenFlight.Cadence(0, 140, 400, 0, 1, 0);
        for (int v = 0; v < VALUES; v++) {
            assertThat(loop.unseen(v, 1, true, HOP, new HiddenFlight.Senders(0, false), star, 25)).isEqualTo(HOP + 25);
        }
    }

    @Test
    void aFlushThatHadNothingForTheNodeLeavesItsLoopIdleAndTheNextCopyUnhidden() {
        // The hub's flushes a little shorter apart than a hop, so the loop sleeps on one when the next is sent, and
        // reads held behind it see the next copy. When the flush between had nothing for the node, its loop was idle.
        HiddenFlight.Senders hubOnly = new HiddenFlight.Senders(0, false);
        HiddenFlight.Cadence everyFlush = new HiddenFlight.Cadence(0, 140, HOP - 10, 0, 1, 0);
        HiddenFlight.Cadence everyOtherFlush = new HiddenFlight.Cadence(0, 140, HOP - 10, 0, 1, 0.5);
        int idleWithout = 0;
        int idleWith = 0;
        for (int v = 0; v < VALUES; v++) {
            for (int r = 0; r < RECEIVERS; r++) {
                idleWithout += loop.unseen(v, r, true, HOP, hubOnly, everyFlush, 25) == HOP + 25 ? 1 : 0;
                idleWith += loop.unseen(v, r, true, HOP, hubOnly, everyOtherFlush, 25) == HOP + 25 ? 1 : 0;
            }
        }
        assertThat(idleWithout).isZero();
        // One flush in two skipped: the one before the copy's is missing half the time.
        assertThat(idleWith).isBetween(VALUES * RECEIVERS * 2 / 5, VALUES * RECEIVERS * 3 / 5);
    }

    @Test
    void withoutMeasuredReadsReadsAreTakenToComeAllTheTime() {
        HiddenFlight.Cadence noReads = new HiddenFlight.Cadence(LINGER, 140, Double.MAX_VALUE, 0, 0, 0);
        for (int v = 0; v < VALUES; v++) {
            double unseen = loop.unseen(v, 0, false, HOP, new HiddenFlight.Senders(1, false), noReads, 0);
            assertThat(unseen).isLessThanOrEqualTo(HOP);
        }
    }

    /** The least that eager readers miss of an origin's copy over every sampled value and receiver. */
    private double leastUnseen(HiddenFlight.Senders senders) {
        double least = Double.MAX_VALUE;
        for (int v = 0; v < VALUES; v++) {
            for (int r = 0; r < RECEIVERS; r++) {
                least = Math.min(least, loop.unseen(v, r, false, HOP, senders, EAGER_READERS, 0));
            }
        }
        return least;
    }
}
