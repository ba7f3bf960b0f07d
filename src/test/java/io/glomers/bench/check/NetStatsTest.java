package io.glomers.bench.check;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NetStatsTest {

    @Test
    void tallySplitsClientAndServerMessages() {
        NetTally tally = new NetTally();
        tally.sent("c1", "n1");
        tally.received("c1", "n1");
        tally.sent("n1", "c1");
        tally.received("n1", "c1");
        tally.sent("n1", "n2");
        tally.received("n1", "n2");
        tally.sent("n2", "n3"); // dropped by a partition: sent, never received

        NetStats stats = tally.snapshot(3);

        // 4 sends (2 with a client end, 2 between servers), 3 deliveries.
        assertThat(stats.all()).isEqualTo(new NetStats.Counts(4, 3, 4));
        assertThat(stats.clients()).isEqualTo(new NetStats.Counts(2, 2, 2));
        assertThat(stats.servers()).isEqualTo(new NetStats.Counts(2, 1, 2));
        assertThat(stats.allMsgsPerOp()).hasToString("1.3333334");
        assertThat(stats.serversMsgsPerOp()).hasToString("0.6666667");
    }

    @Test
    void msgsPerOpIsAClojureFloat() {
        // b5: 2428 messages, 2010 between servers, 199 ops; neg: 240 and 0 over 110 ops.
        NetStats b5 = new NetStats(new NetStats.Counts(2428, 2428, 2428), new NetStats.Counts(418, 418, 418),
                new NetStats.Counts(2010, 2010, 2010), 199);
        NetStats neg = new NetStats(new NetStats.Counts(240, 240, 240), new NetStats.Counts(240, 240, 240),
                new NetStats.Counts(0, 0, 0), 110);

        assertThat(b5.allMsgsPerOp()).hasToString("12.201005");
        assertThat(b5.serversMsgsPerOp()).hasToString("10.100503");
        assertThat(neg.allMsgsPerOp()).hasToString("2.1818182");
        assertThat(neg.serversMsgsPerOp()).hasToString("0.0");
    }

    @Test
    void noOpsMeansNoPerOpFigure() {
        assertThat(new NetTally().snapshot(0).allMsgsPerOp()).isNull();
    }

    @Test
    void clientOpsCountsClientInvocationsOnly() {
        HistoryBuilder h = new HistoryBuilder().broadcast(0, 1L, 0, 1).read(1, 2, 3, 1L);
        h.nemesis("start-partition", 4);

        assertThat(NetStats.clientOps(h.ops())).isEqualTo(2);
    }
}
