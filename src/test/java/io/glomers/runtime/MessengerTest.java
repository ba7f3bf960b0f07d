package io.glomers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.sched.VirtualTime;
import io.glomers.testing.ShippedConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** RPC on virtual time: each call ends exactly once, by its reply or by its timeout. */
class MessengerTest {

    @MessageType("ping")
    record Ping(int n) {
    }

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final List<String> sent = new ArrayList<>();
    private final VirtualTime loop = new VirtualTime();
    private final Cluster cluster = new Cluster();
    private Messenger messenger;

    @BeforeEach
    void setUp() {
        cluster.initialize("n1", List.of("n1", "n2"));
        messenger = new Messenger(new Outbox(mapper, sent::add), cluster, loop, ShippedConfig.bind(RuntimeProperties.PREFIX, RuntimeProperties.class));
    }

    private Envelope request(String src, String type, long receivedAtMillis) {
        return new Envelope(src, "n1", mapper.readTree("{\"type\":\"" + type + "\",\"msg_id\":7}"), receivedAtMillis);
    }

    /**
     * Maelstrom's client gives up after 5 s and treats a later reply as an error (it stops reading the node):
     * a reply to a client's request older than node.runtime.client-patience (3.5 s shipped) is not sent.
     * Peers, and the start-up handshakes with their own deadlines, get theirs whenever it is ready.
     */
    @Test
    void aClientThatHasGivenUpGetsNoReply() {
        long now = loop.currentTimeMillis();
        messenger.reply(request("c4", "read", now - 3500), new Ping(1));
        messenger.reply(request("c4", "read", now - 3501), new Ping(2));
        messenger.reply(request("n2", "read", now - 60_000), new Ping(3));
        messenger.reply(request("c5", "topology", now - 4900), new Ping(4));
        messenger.reply(request("c6", "broadcast", Envelope.UNKNOWN), new Ping(5));

        assertThat(sent).extracting(line -> mapper.readTree(line).get("body").get("n").asInt()).containsExactly(1, 3, 4, 5);
    }

    @Test
    void writesTheReservedFieldsAroundTheBody() {
        messenger.send("n2", new Ping(7));
        assertThat(sent.get(0)).isEqualTo("{\"src\":\"n1\",\"dest\":\"n2\",\"body\":{\"type\":\"ping\",\"n\":7}}");
        messenger.reply(new Envelope("c1", "n1", mapper.readTree("{\"type\":\"x\",\"msg_id\":5}")), new Ping(8));
        assertThat(sent.get(1)).isEqualTo("{\"src\":\"n1\",\"dest\":\"c1\",\"body\":{\"type\":\"ping\",\"in_reply_to\":5,\"n\":8}}");
    }

    private Envelope reply(long inReplyTo) {
        return new Envelope("n2", "n1", mapper.readTree("{\"type\":\"pong\",\"in_reply_to\":" + inReplyTo + "}"));
    }
}
