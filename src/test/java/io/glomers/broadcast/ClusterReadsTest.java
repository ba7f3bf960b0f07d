package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.glomers.bench.sched.VirtualTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClusterReadsTest {

    private final VirtualTime time = new VirtualTime();
    private final ClientReads own = new ClientReads(time);
    private final ClusterReads reads = new ClusterReads(own);

    @Test
    void aNodeCountsReadsFromItsClientsFirstRequestOnAndNotThatRequestItself() {
        assertThat(reads.ownReport()).as("before any client request").isNull();
        time.advance(Duration.ofSeconds(3));
        own.read();
        assertThat(reads.ownReport()).as("the first request starts the watch").containsExactly(0, 0);
        time.advance(Duration.ofMillis(500));
        own.read();
        time.advance(Duration.ofMillis(500));
        own.read();
        assertThat(reads.ownReport()).containsExactly(2, 1_000);
    }

    @Test
    void theCountEndsAtTheLatestRequestNotAtTheBroadcastThatSendsIt() {
        own.broadcast();
        time.advance(Duration.ofMillis(300));
        own.read();
        time.advance(Duration.ofMillis(300));
        // An origin reports as it forwards a broadcast, before the broadcast counts as a request: up to
        // it, the count would always end on a request that is not a read.
        assertThat(reads.ownReport()).containsExactly(1, 300);
        own.broadcast();
        assertThat(reads.ownReport()).containsExactly(1, 600);
        time.advance(Duration.ofSeconds(2));
        assertThat(reads.ownReport()).as("no request since").containsExactly(1, 600);
    }

    @Test
    void theHubPoolsEveryNodesReadsOverTheTimeEachWatched() {
        own.broadcast();
        time.advance(Duration.ofSeconds(5));
        own.broadcast();
        // The hub's clients made no read in 5 s: alone, a rate of 0, which the model takes as clients that never stop.
        for (int peer = 1; peer <= 24; peer++) {
            reads.heard("n" + peer, new long[] {peer % 2, 5_000});
        }
        double pooled = 12 * 1000.0 / (25 * 5_000);
        assertThat(reads.perNode()).as("12 reads in 125 node-seconds, raised by their spread and one")
                .isCloseTo((12 + Math.sqrt(12) + 1) * 1000 / (25 * 5_000), within(1e-9))
                .isGreaterThan(pooled);
    }

    @Test
    void theRaiseForFewReadsFadesAsTheyAddUp() {
        own.broadcast();
        time.advance(Duration.ofSeconds(5));
        own.broadcast();
        reads.heard("n1", new long[] {4, 5_000});
        double fromFew = reads.perNode() / (4 * 1000.0 / 10_000);
        reads.heard("n1", new long[] {400, 5_000});
        double fromMany = reads.perNode() / (400 * 1000.0 / 10_000);
        assertThat(fromFew).isGreaterThan(1.5);
        assertThat(fromMany).isLessThan(1.06);
    }

    @Test
    void aPeersLatestReportReplacesItsEarlierOneAndMalformedReportsAreIgnored() {
        reads.heard("n1", new long[] {10, 1_000});
        reads.heard("n1", new long[] {0, 1_000});
        reads.heard("n2", new long[] {-1, 1_000});
        reads.heard("n3", new long[] {5});
        reads.heard("n4", null);
        assertThat(reads.perNode()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void theHubCountsItsOwnClientsUpToNowAsItPlansAtMomentsTheyDoNotChoose() {
        own.read();
        time.advance(Duration.ofSeconds(4));
        assertThat(reads.ownReport()).as("what an origin would report").containsExactly(0, 0);
        assertThat(reads.perNode()).as("no read in 4 s: at most about one in them").isCloseTo(0.25, within(1e-9));
    }

    @Test
    void untilTheCountIsBelievedTheRateIsNotBelowTheValuesANodesClientsGiveIt() {
        // The workload's start: 13 origins reported no read over 3.9 s of their clients' time.
        for (int peer = 1; peer <= 13; peer++) {
            reads.heard("n" + peer, new long[] {0, 300});
        }
        assertThat(reads.perNode()).isCloseTo(1000.0 / 3_900, within(1e-9));
        assertThat(reads.perNode(1.4)).as("too few reads, watched too briefly").isEqualTo(1.4);
        assertThat(reads.perNode(0.1)).as("a count already above the values' rate").isEqualTo(reads.perNode());

        reads.heard("n1", new long[] {ClusterReads.MIN_READS, 300});
        assertThat(reads.perNode(5)).as("enough reads, however briefly watched").isEqualTo(reads.perNode()).isLessThan(5);

        reads.heard("n1", new long[] {0, ClusterReads.MIN_WATCHED_MILLIS});
        assertThat(reads.perNode(1.4)).as("none in a long watch: a low rate").isEqualTo(reads.perNode()).isLessThan(0.2);
    }

    @Test
    void withNothingWatchedTheRateIsZero() {
        assertThat(reads.perNode()).isZero();
        assertThat(reads.perNode(1.4)).as("clients that never stop, for the model: no floor").isZero();
    }
}
