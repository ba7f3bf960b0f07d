package io.glomers;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.runtime.EventLoop;
import io.glomers.runtime.NodeLifecycle;
import io.glomers.testing.NodeStreams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One node driven through its streams, exactly as Maelstrom drives it in part 3a. */
@SpringBootTest(properties = "node.runtime.max-line-length=1MB")
@ContextConfiguration(initializers = NodeStreams.Initializer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@ExtendWith(OutputCaptureExtension.class)
class NodeProtocolTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Autowired
    NodeStreams node;

    @Autowired
    JsonMapper mapper;

    @Autowired
    NodeLifecycle lifecycle;

    @Autowired
    EventLoop loop;

    private int nextMsgId = 1;

    @Test
    void servesThePart3aSession() {
        JsonNode initOk = init();
        assertThat(initOk.get("type").asString()).isEqualTo("init_ok");

        assertThat(request("c2", "{\"type\":\"topology\",\"topology\":{\"n1\":[]}}").get("type").asString())
                .isEqualTo("topology_ok");
        List<Long> sent = new ArrayList<>();
        for (long value : new long[] {7, 0, 42, 3, 7}) {
            JsonNode ok = request("c3", "{\"type\":\"broadcast\",\"message\":" + value + "}");
            assertThat(ok.get("type").asString()).isEqualTo("broadcast_ok");
            sent.add(value);
        }
        JsonNode read = request("c4", "{\"type\":\"read\"}");
        assertThat(read.get("type").asString()).isEqualTo("read_ok");
        assertThat(values(read)).as("each value once; a read is a set").containsExactlyInAnyOrder(0L, 3L, 7L, 42L);
        assertThat(sent).containsAll(values(read));
    }

    @Test
    void repliesCarryTheRequestIdAndGoBackToTheSender() {
        init();
        node.send("{\"src\":\"c9\",\"dest\":\"n1\",\"body\":{\"type\":\"read\",\"msg_id\":4242}}");
        JsonNode reply = mapper.readTree(node.nextLine(WAIT));
        assertThat(reply.get("src").asString()).isEqualTo("n1");
        assertThat(reply.get("dest").asString()).isEqualTo("c9");
        assertThat(reply.get("body").get("in_reply_to").asLong()).isEqualTo(4242);
    }

    @Test
    void skipsALineThatIsNotJsonAndKeepsServing(CapturedOutput output) {
        init();
        node.send("this is {not json");
        JsonNode ok = request("c1", "{\"type\":\"broadcast\",\"message\":1}");
        assertThat(ok.get("type").asString()).isEqualTo("broadcast_ok");
        assertThat(output.getAll()).contains("not JSON").contains("this is {not json");
    }

    @Test
    void skipsJsonThatIsNotAnEnvelope(CapturedOutput output) {
        init();
        node.send("[1,2,3]");
        node.send("{\"dest\":\"n1\",\"body\":{\"type\":\"read\",\"msg_id\":1}}");
        assertThat(request("c1", "{\"type\":\"read\"}").get("type").asString()).isEqualTo("read_ok");
        assertThat(output.getAll()).contains("not a Maelstrom message");
    }

    @Test
    void answersAnUnknownTypeWithNotSupported() {
        init();
        JsonNode error = request("c1", "{\"type\":\"frobnicate\"}");
        assertError(error, 10, "frobnicate");
    }

    @Test
    void answersAMissingFieldWithMalformedRequest() {
        init();
        assertError(request("c1", "{\"type\":\"broadcast\"}"), 12, "message");
    }

    @Test
    void answersAFieldOfTheWrongTypeWithMalformedRequest() {
        init();
        assertError(request("c1", "{\"type\":\"broadcast\",\"message\":\"x\"}"), 12, "message");
        assertError(request("c1", "{\"type\":\"broadcast\",\"message\":1.5}"), 12, "message");
        assertError(request("c1", "{\"type\":\"broadcast\",\"message\":null}"), 12, "message");
        assertError(request("c1", "{\"type\":\"topology\",\"topology\":[1]}"), 12, "topology");
        assertThat(values(request("c1", "{\"type\":\"read\"}"))).isEmpty();
    }

    @Test
    void anErrorDoesNotEchoAHugeValueBack() {
        init();
        JsonNode error = request("c1", "{\"type\":\"broadcast\",\"message\":\"" + "x".repeat(100_000) + "\"}");
        assertError(error, 12, "message");
        assertThat(error.get("text").asString()).hasSizeLessThan(600).endsWith("chars)");
    }

    @Test
    void answersABodyWithoutTypeWithMalformedRequest() {
        init();
        assertError(request("c1", "{\"message\":3}"), 12, "type");
    }

    @Test
    void refusesRequestsBeforeInitWithADefiniteError() {
        JsonNode error = request("c1", "{\"type\":\"broadcast\",\"message\":1}");
        assertError(error, 11, "init");
        init();
        assertThat(values(request("c1", "{\"type\":\"read\"}"))).isEmpty();
    }

    @Test
    void aHubAnswersInitAndGreetsItsPeersOnceItHasHeardEveryOneWithTheLongestHopItExpects() {
        // n1 is the hub of n1..n3: Maelstrom's workload starts after the last init_ok, so it waits to know the hops.
        node.send("{\"src\":\"c0\",\"dest\":\"n1\",\"body\":{\"type\":\"init\",\"msg_id\":1,"
                + "\"node_id\":\"n1\",\"node_ids\":[\"n1\",\"n2\",\"n3\"]}}");
        assertThat(node.pollLine(Duration.ofMillis(300))).as("nothing before n2 and n3 were heard").isNull();

        // Two peers give two hops a round: the hub takes three rounds (StartHops.rounds), answering each peer at once
        // until its last, and each peer answers back (here, the test for them).
        long hubEpoch = 0;
        for (int round = 0; round < 3; round++) {
            long now = loop.currentTimeMillis();
            for (String peer : List.of("n2", "n3")) {
                node.send("{\"src\":\"" + peer + "\",\"dest\":\"n1\",\"body\":{\"type\":\"gossip\",\"epoch\":" + peer.hashCode()
                        + ",\"peer_epoch\":" + hubEpoch + ",\"values\":[],\"have\":[],\"sent\":" + (now - 30) + "}}");
            }
            if (round < 2) {
                List<JsonNode> answers = List.of(mapper.readTree(node.nextLine(WAIT)), mapper.readTree(node.nextLine(WAIT)));
                assertThat(answers).as("round %d: an answer to each, with no word yet", round + 1)
                        .allMatch(line -> line.get("body").get("type").asString().equals("gossip")
                                && !line.get("body").has("start_hop"))
                        .extracting(line -> line.get("dest").asString()).containsExactlyInAnyOrder("n2", "n3");
                hubEpoch = answers.get(0).get("body").get("epoch").asLong();
            }
        }
        List<JsonNode> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.add(mapper.readTree(node.nextLine(WAIT)));
        }
        assertThat(lines).extracting(line -> line.get("body").get("type").asString())
                .containsExactlyInAnyOrder("init_ok", "gossip", "gossip");
        assertThat(lines).filteredOn(line -> line.get("body").has("start_hop"))
                .as("each peer is greeted with the hop it waits for").extracting(line -> line.get("dest").asString())
                .containsExactlyInAnyOrder("n2", "n3");
        assertThat(lines).filteredOn(line -> line.get("body").has("start_hop"))
                .as("six hops of 30 ms, and the moments the test and the node's loop took to pass them on")
                .allMatch(line -> line.get("body").get("start_hop").asLong() >= 30
                        && line.get("body").get("start_hop").asLong() < 300);
    }

    @Test
    void anOriginTellsTheHubItsClientsReadsCountedFromTheirFirstRequestToTheirLatest() {
        // n0 is the hub of n0..n2; n1 forwards each client value to it at once, with its report.
        node.send("{\"src\":\"c0\",\"dest\":\"n1\",\"body\":{\"type\":\"init\",\"msg_id\":1,"
                + "\"node_id\":\"n1\",\"node_ids\":[\"n0\",\"n1\",\"n2\"]}}");
        assertThat(gossipToTheHubCarrying(-1).has("reads")).as("the greeting, before any client").isFalse();
        nextMsgId = 2;
        assertThat(broadcastAndForward(5).has("reads")).as("the first request only starts the count").isFalse();
        node.send("{\"src\":\"c1\",\"dest\":\"n1\",\"body\":{\"type\":\"read\",\"msg_id\":" + nextMsgId++ + "}}");
        JsonNode report = broadcastAndForward(6).get("reads");
        assertThat(report.get(0).asLong()).as("reads since").isOne();
        assertThat(report.get(1).asLong()).as("milliseconds watched, up to the read").isNotNegative();
    }

    /** A client broadcasts {@code value} to n1; the body of n1's gossip that forwards it to the hub. */
    private JsonNode broadcastAndForward(long value) {
        node.send("{\"src\":\"c1\",\"dest\":\"n1\",\"body\":{\"type\":\"broadcast\",\"msg_id\":" + nextMsgId++
                + ",\"message\":" + value + "}}");
        return gossipToTheHubCarrying(value);
    }

    /** The body of n1's next gossip to n0 that carries {@code value} (-1: carries none), skipping other lines. */
    private JsonNode gossipToTheHubCarrying(long value) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = node.pollLine(Duration.ofMillis(100));
            JsonNode message = line == null ? null : mapper.readTree(line);
            if (message != null && message.get("dest").asString().equals("n0")
                    && message.get("body").get("type").asString().equals("gossip")) {
                JsonNode values = message.get("body").get("values");
                if (value < 0 ? values.isEmpty() : values.toString().equals("[" + value + "]")) {
                    return message.get("body");
                }
            }
        }
        throw new AssertionError("no gossip to the hub carrying " + value + " within " + WAIT);
    }

    @Test
    void answersARepeatedIdenticalInitAgain() {
        init();
        assertThat(init().get("type").asString()).isEqualTo("init_ok");
    }

    @Test
    void rejectsAnInitThatNamesAnotherNodeAfterward() {
        init();
        JsonNode error = request("c1", "{\"type\":\"init\",\"node_id\":\"n2\",\"node_ids\":[\"n1\",\"n2\"]}");
        assertError(error, 22, "already initialised as n1");
    }

    @Test
    void ignoresARepliesThatNobodyWaitsFor() {
        init();
        node.send("{\"src\":\"c1\",\"dest\":\"n1\",\"body\":{\"type\":\"read_ok\",\"in_reply_to\":99,\"messages\":[]}}");
        node.send("{\"src\":\"n2\",\"dest\":\"n1\",\"body\":{\"type\":\"error\",\"in_reply_to\":5,\"code\":0}}");
        JsonNode next = request("c1", "{\"type\":\"read\"}");
        // Had the stray replies produced output, it would have come first.
        assertThat(next.get("type").asString()).isEqualTo("read_ok");
        assertThat(node.drainLines()).isEmpty();
    }

    @Test
    void survivesLinesBeyondTheLimitAndDeepNesting(CapturedOutput output) {
        init();
        node.send("{\"src\":\"c1\",\"dest\":\"n1\",\"body\":{\"type\":\"broadcast\",\"msg_id\":1,\"pad\":\""
                + "x".repeat(2 * 1024 * 1024) + "\",\"message\":9}}");
        node.send("[".repeat(5_000) + "]".repeat(5_000));
        JsonNode ok = request("c1", "{\"type\":\"broadcast\",\"message\":1}");
        assertThat(ok.get("type").asString()).isEqualTo("broadcast_ok");
        assertThat(values(request("c1", "{\"type\":\"read\"}"))).containsExactly(1L);
        assertThat(output.getAll()).contains("exceeds the limit").contains("nesting depth");
    }

    @Test
    void endsWhenInputEnds() {
        init();
        node.endInput();
        Awaitility.await().atMost(WAIT).until(lifecycle::hasInputEnded);
    }

    private JsonNode init() {
        return request("c0", "{\"type\":\"init\",\"node_id\":\"n1\",\"node_ids\":[\"n1\"]}");
    }

    /** Sends a request body from a client and returns the body of the next line the node writes. */
    private JsonNode request(String src, String body) {
        int msgId = nextMsgId++;
        String withId = body.replaceFirst("\\{", "{\"msg_id\":" + msgId + ",");
        node.send("{\"src\":\"" + src + "\",\"dest\":\"n1\",\"body\":" + withId + "}");
        JsonNode reply = mapper.readTree(node.nextLine(WAIT));
        assertThat(reply.get("dest").asString()).isEqualTo(src);
        assertThat(reply.get("body").get("in_reply_to").asLong()).isEqualTo(msgId);
        return reply.get("body");
    }

    private static List<Long> values(JsonNode readOk) {
        List<Long> values = new ArrayList<>();
        readOk.get("messages").forEach(value -> values.add(value.asLong()));
        return values;
    }

    private static void assertError(JsonNode body, int code, String mentioned) {
        assertThat(body.get("type").asString()).isEqualTo("error");
        assertThat(body.get("code").asInt()).isEqualTo(code);
        assertThat(body.get("text").asString()).contains(mentioned);
    }
}
