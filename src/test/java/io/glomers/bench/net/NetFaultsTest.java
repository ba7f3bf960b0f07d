package io.glomers.bench.net;

import io.glomers.bench.check.NetStats;
import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.sched.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Faults beyond Maelstrom: on server links only, from the run's random source, none when off. */
class NetFaultsTest {

    private final VirtualTime scheduler = new VirtualTime();
    private final MessageLog journal = new MessageLog();
    private final List<String> atN1 = new ArrayList<>();
    private final List<Message> atClient = new ArrayList<>();

    private Network network(NetFaults faults, Random random) {
        JsonMapper mapper = JsonMapper.builder().build();
        Network network = Network.on(scheduler).random(random)
                .links(new LatencyModel(LatencyModel.Distribution.CONSTANT, 100), faults).log(journal)
                .protocol(mapper, new RequestLedger(), violation -> { }).build();
        network.attachNode("n0", line -> { });
        network.attachNode("n1", atN1::add);
        network.attachClient("c1", atClient::add);
        return network;
    }

    @Test
    void aDuplicatedMessageArrivesTwiceAndIsSentOnce() {
        Network network = network(NetFaults.NONE.withDuplicateProbability(1), new Random(1));
        network.fromNode("n0", gossip(1));
        scheduler.advance(Duration.ofMillis(100));

        assertThat(atN1).containsExactly(gossip(1), gossip(1));
        assertThat(journal.counts(0).servers()).isEqualTo(new NetStats.Counts(1, 2, 1));
    }

    @Test
    void clientLinksStayClean() {
        Network network = network(NetFaults.NONE.withDuplicateProbability(1).withDelaySpike(1, Duration.ofSeconds(5)),
                new Random(1));
        network.sendFromClient("c1", "n1", network.newBody("read", 1));
        network.fromNode("n1", "{\"src\":\"n1\",\"dest\":\"c1\",\"body\":{\"type\":\"read_ok\",\"in_reply_to\":1,\"messages\":[]}}");

        assertThat(atN1).hasSize(1);
        assertThat(atClient).hasSize(1);
    }

    @Test
    void aSpikeDelaysAndAHoldBackReorders() {
        Network spiking = network(NetFaults.NONE.withDelaySpike(1, Duration.ofSeconds(2)), new Random(1));
        spiking.fromNode("n0", gossip(1));
        scheduler.advance(Duration.ofMillis(2099));
        assertThat(atN1).isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(atN1).containsExactly(gossip(1));

        atN1.clear();
        Network reordering = network(NetFaults.NONE.withReorder(1, Duration.ofSeconds(1)), new Random(3));
        for (int value = 0; value < 20; value++) {
            reordering.fromNode("n0", gossip(value));
            scheduler.advance(Duration.ofMillis(10));
        }
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(atN1).hasSize(20).isNotEqualTo(atN1.stream().sorted((a, b) -> Integer.compare(value(a), value(b))).toList());
    }

    @Test
    void faultsThatAreOffDrawNothing() {
        Random random = new Random(5);
        Network network = network(NetFaults.NONE, random);
        network.fromNode("n0", gossip(1));
        assertThat(random.nextLong()).isEqualTo(new Random(5).nextLong());
    }

    private static int value(String line) {
        return Integer.parseInt(line.replaceAll(".*\\[(\\d+)\\].*", "$1"));
    }

    private static String gossip(int value) {
        return "{\"src\":\"n0\",\"dest\":\"n1\",\"body\":{\"type\":\"gossip\",\"values\":[" + value + "]}}";
    }
}
