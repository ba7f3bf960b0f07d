package io.glomers.bench.net;

import io.glomers.bench.check.NetStats;
import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.sched.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The simulated network on virtual time: latency, partitions at delivery, validation, counting. */
class NetworkTest {

    private final VirtualTime scheduler = new VirtualTime();
    private final Partitions partitions = new Partitions();
    private final MessageLog journal = new MessageLog();
    private final RequestLedger ledger = new RequestLedger();
    private final List<Violation> violations = new ArrayList<>();
    private final List<String> atN1 = new ArrayList<>();
    private final List<Message> atClient = new ArrayList<>();
    private Network network;

    @BeforeEach
    void wire() {
        JsonMapper mapper = JsonMapper.builder().build();
        network = Network.on(scheduler).random(new Random(1))
                .links(new LatencyModel(LatencyModel.Distribution.CONSTANT, 100), NetFaults.NONE)
                .partitions(partitions).log(journal).protocol(mapper, ledger, violations::add).build();
        network.attachNode("n0", line -> { });
        network.attachNode("n1", atN1::add);
        network.attachClient("c1", atClient::add);
    }

    @Test
    void serverMessagesArriveAfterTheLatency() {
        network.fromNode("n0", gossip("n0", "n1"));

        scheduler.advance(Duration.ofMillis(99));
        assertThat(atN1).isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(atN1).containsExactly(gossip("n0", "n1"));
        assertThat(journal.counts(0).servers()).isEqualTo(new NetStats.Counts(1, 1, 1));
    }

    @Test
    void aPartitionDropsWhatTheNodesLoopTakesWhileItIsOn() {
        network.fromNode("n0", gossip("n0", "n1"));
        network.fromNode("n0", gossip("n0", "n1"));
        scheduler.advance(Duration.ofMillis(50));
        partitions.set(Map.of("n1", Set.of("n0")));
        scheduler.advance(Duration.ofMillis(100));
        partitions.heal();
        scheduler.advance(Duration.ofMillis(100));

        assertThat(atN1).as("the first was taken before the partition began, the second while it held").hasSize(1);
        assertThat(journal.counts(0).servers()).isEqualTo(new NetStats.Counts(2, 1, 2));
    }

    @Test
    void aClientRequestWaitsBehindTheServerMessageInFlight() {
        network.fromNode("n0", gossip("n0", "n1"));
        scheduler.advance(Duration.ofMillis(30));
        network.sendFromClient("c1", "n1", network.newBody("read", 1));
        assertThat(atN1).isEmpty();

        scheduler.advance(Duration.ofMillis(70));
        assertThat(atN1).hasSize(2);
        assertThat(atN1.get(1)).contains("\"type\":\"read\"");
    }

    @Test
    void clientLinksHaveNoLatencyAndRepliesAreCheckedAgainstTheRequest() {
        network.sendFromClient("c1", "n1", network.newBody("read", 1));
        assertThat(atN1).hasSize(1);

        network.fromNode("n1", "{\"src\":\"n1\",\"dest\":\"c1\",\"body\":{\"type\":\"broadcast_ok\",\"in_reply_to\":1}}");
        network.fromNode("n1", "{\"src\":\"n1\",\"dest\":\"c1\",\"body\":{\"type\":\"read_ok\",\"in_reply_to\":1,\"messages\":[1,2]}}");
        network.fromNode("n1", "{\"src\":\"n1\",\"dest\":\"c1\",\"body\":{\"type\":\"read_ok\",\"in_reply_to\":1,\"messages\":[1,2]}}");

        assertThat(atClient).hasSize(1);
        assertThat(violations).extracting(Violation::reason).satisfiesExactly(
                first -> assertThat(first).startsWith("answered read with type broadcast_ok (expected read_ok or error)"),
                second -> assertThat(second).contains("matches no outstanding request"));
        assertThat(journal.counts(0).clients()).isEqualTo(new NetStats.Counts(4, 4, 4));
    }

    @Test
    void aLineThatIsNotJsonMakesTheNodeDeaf() {
        network.fromNode("n0", "hello");
        network.fromNode("n0", gossip("n0", "n1"));
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(violations).singleElement().extracting(Violation::reason).asString().startsWith("wrote a stdout line");
        assertThat(atN1).isEmpty();
        assertThat(journal.counts(0).all().sendCount()).isZero();
    }

    private static String gossip(String src, String dest) {
        return "{\"src\":\"" + src + "\",\"dest\":\"" + dest + "\",\"body\":{\"type\":\"gossip\",\"values\":[1]}}";
    }
}
