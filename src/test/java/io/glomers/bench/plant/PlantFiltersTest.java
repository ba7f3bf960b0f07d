package io.glomers.bench.plant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each planted defect's filter changes the lines it is about and passes every other line as it was. */
class PlantFiltersTest {

    private static final String INIT = "{\"src\":\"c0\",\"dest\":\"n0\",\"body\":{\"type\":\"init\",\"msg_id\":1,"
            + "\"node_id\":\"n0\",\"node_ids\":[\"n0\",\"n1\",\"n2\"]}}";
    private static final String READ_OK = "{\"src\":\"n0\",\"dest\":\"c1\",\"body\":{\"type\":\"read_ok\",\"in_reply_to\":3,\"messages\":[1,2]}}";

    private static String gossip(String dest, long epoch, long peerEpoch, String values, String have) {
        return "{\"src\":\"n0\",\"dest\":\"" + dest + "\",\"body\":{\"type\":\"gossip\",\"epoch\":" + epoch
                + ",\"peer_epoch\":" + peerEpoch + ",\"values\":[" + values + "],\"have\":[" + have + "]}}";
    }

    private static String broadcast(long value) {
        return "{\"src\":\"c1\",\"dest\":\"n0\",\"body\":{\"type\":\"broadcast\",\"msg_id\":4,\"message\":" + value + "}}";
    }

    @Test
    void noRetransmitSendsEachValueToEachPeerOncePerProcess() {
        LineFilter filter = Plant.NO_RETRANSMIT.filter();

        assertThat(filter.out(gossip("n1", 7, 0, "1,2", "[1,2]"))).isEqualTo(gossip("n1", 7, 0, "1,2", "[1,2]"));
        assertThat(filter.out(gossip("n1", 7, 0, "2,3", "[1,3]"))).isEqualTo(gossip("n1", 7, 0, "3", "[1,3]"));
        assertThat(filter.out(gossip("n2", 7, 0, "2", "[1,3]"))).as("another peer").isEqualTo(gossip("n2", 7, 0, "2", "[1,3]"));
        filter.restarted();
        assertThat(filter.out(gossip("n1", 8, 0, "2", "[2,2]"))).as("a new process").isEqualTo(gossip("n1", 8, 0, "2", "[2,2]"));
        assertThat(filter.out(READ_OK)).isSameAs(READ_OK);
    }

    @Test
    void aRestartedHubGossipsUnderItsFirstEpochAndReadsRepliesToItAsToItsOwn() {
        LineFilter filter = Plant.HUB_FORGETS_BATCH.filter();
        filter.in(INIT);
        assertThat(filter.out(gossip("n1", 7, 0, "1", "[1,1]"))).contains("\"epoch\":7");

        filter.restarted();
        filter.in(INIT);

        assertThat(filter.out(gossip("n1", 9, 0, "", ""))).isEqualTo(gossip("n1", 7, 0, "", ""));
        String reply = "{\"src\":\"n1\",\"dest\":\"n0\",\"body\":{\"type\":\"gossip\",\"epoch\":5,\"peer_epoch\":7,\"values\":[],\"have\":[]}}";
        assertThat(filter.in(reply)).contains("\"peer_epoch\":9");
    }

    @Test
    void onlyTheHubForgets() {
        LineFilter filter = Plant.HUB_FORGETS_BATCH.filter();
        filter.in(INIT.replace("\"node_id\":\"n0\"", "\"node_id\":\"n2\""));
        filter.out(gossip("n0", 7, 0, "", ""));
        filter.restarted();

        assertThat(filter.out(gossip("n0", 9, 0, "", ""))).isEqualTo(gossip("n0", 9, 0, "", ""));
    }

    @Test
    void withoutGapRepairTheHubSendsOnlyItsOwnClientsValues() {
        LineFilter filter = Plant.NO_GAP_REPAIR.filter();
        filter.in(INIT);
        filter.in(broadcast(5));

        assertThat(filter.out(gossip("n1", 7, 0, "4,5,6", "[4,6]"))).isEqualTo(gossip("n1", 7, 0, "5", "[4,6]"));
        assertThat(Plant.NO_GAP_REPAIR.overrides()).containsExactly("broadcast.strategy=direct");
    }

    @Test
    void everySummaryClaimsTheLowestValueTheNodeLacks() {
        LineFilter filter = Plant.SUMMARY_PLUS_ONE.filter();

        assertThat(filter.out(gossip("n1", 7, 0, "", "[0,3],[5,9]"))).isEqualTo(gossip("n1", 7, 0, "", "[0,9]"));
        assertThat(filter.out(gossip("n1", 7, 0, "", "[2,3]"))).isEqualTo(gossip("n1", 7, 0, "", "[0,0],[2,3]"));
        assertThat(filter.out(gossip("n1", 7, 0, "", ""))).isEqualTo(gossip("n1", 7, 0, "", "[0,0]"));
        assertThat(filter.out(gossip("n1", 7, 0, "", "[0,4]"))).isEqualTo(gossip("n1", 7, 0, "", "[0,5]"));
    }

    @Test
    void everyDefectIsNamedAndDescribed() {
        assertThat(Plant.defects()).hasSizeGreaterThanOrEqualTo(5).doesNotContain(Plant.NONE);
        for (Plant plant : Plant.defects()) {
            assertThat(Plant.named(plant.id())).contains(plant);
            assertThat(plant.description()).isNotBlank();
        }
        assertThat(Plant.named("list")).isEmpty();
        assertThat(Plant.ACK_UNJOURNALED.overrides()).containsExactly("broadcast.journal.enabled=false");
        assertThat(List.of(Plant.NONE.filter(), Plant.ACK_UNJOURNALED.filter())).containsOnly(LineFilter.PASS);
    }
}
