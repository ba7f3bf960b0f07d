package io.glomers;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.sched.VirtualTime;
import io.glomers.bench.sim.SimNode;
import io.glomers.bench.sim.SimNodeFactory;
import io.glomers.broadcast.MessageStore;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random input through the real inbox, dispatcher and handlers of one node (its Spring beans on
 * virtual time, as the simulator runs them): client requests with values of every magnitude and
 * sign, bodies of random JSON (fractions, huge numbers, strings, nulls, nesting, huge arrays,
 * unknown fields), lines that are not messages, and gossip from peers that repeat themselves, send
 * stale summaries, restart under new epochs and claim absurd ranges. After every try:
 * <ul>
 * <li>every stdout line is a valid envelope from this node;</li>
 * <li>every request with a {@code msg_id} got exactly one reply, and nothing else got one;</li>
 * <li>every acknowledged broadcast value is in every later {@code read};</li>
 * <li>no input made the node allocate beyond a multiple of its own size (nothing from the wire
 *     allocates in proportion to a number in it), and the store stays within bytes per value.</li>
 * </ul>
 * A failure prints jqwik's seed and the shrunk session. 400 tries of 10-40 inputs each (set in
 * {@code src/test/resources/junit-platform.properties}) add up to over 10,000 inputs ({@link #afterAll}
 * prints the count); a longer run: {@code ./mvnw test -Dtest=AnyInputPropertiesTest -Djqwik.tries.default=4000}.
 */
class AnyInputPropertiesTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final SimNodeFactory NODES = new SimNodeFactory("");
    private static final List<String> CLUSTER = List.of("n0", "n1", "n2");
    private static final AtomicLong INPUTS = new AtomicLong();
    private static final AtomicLong TRIES = new AtomicLong();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** One input of a session. */
    sealed interface Action permits Broadcast, Read, Raw, Garbage, PeerGossip, Huge, Advance {
    }

    /** A client broadcast of any long (also sent as a string or fraction when {@code form} says so). */
    record Broadcast(long value, int form) implements Action {
    }

    record Read() implements Action {
    }

    /** A body of random JSON, with a type of the node's or another, and a msg_id of any shape. */
    record Raw(String type, JsonNode fields, JsonNode msgId, boolean replyShaped) implements Action {
    }

    /** A line that is not a message at all. */
    record Garbage(String line) implements Action {
    }

    /** Gossip from a peer: an epoch (a new one is a restart), its view of ours, values, a summary. */
    record PeerGossip(String peer, long epoch, boolean knowsOurs, List<Long> values, List<List<Long>> have, boolean withMsgId)
            implements Action {
    }

    /**
     * A large input, rare so that the suite stays fast: an array of {@code size} numbers as a broadcast's
     * message or an unknown field of a read, or a gossip with that many values or ranges (beyond
     * broadcast.limits.* for the larger sizes).
     */
    record Huge(int kind, int size) implements Action {
    }

    record Advance(int millis) implements Action {
    }

    @Property
    void anyInputGetsExactlyOneReplyPerRequestAndLosesNoAcknowledgedValue(@ForAll("sessions") List<Action> session) {
        TRIES.incrementAndGet();
        new Session().run(session);
    }

    @AfterContainer
    static void afterAll() {
        System.err.printf("AnyInputPropertiesTest: %,d tries, %,d generated inputs%n", TRIES.get(), INPUTS.get());
    }

    @Provide
    Arbitrary<List<Action>> sessions() {
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                Tuple.of(10, broadcasts()),
                Tuple.of(6, Arbitraries.<Action>just(new Read())),
                Tuple.of(10, raws()),
                Tuple.of(4, garbage()),
                Tuple.of(10, gossips()),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.frequencyOf(
                                Tuple.of(6, Arbitraries.integers().between(1_000, 5_000)),
                                Tuple.of(1, Arbitraries.integers().between(100_001, 110_000))))
                        .as((kind, size) -> (Action) new Huge(kind, size))),
                Tuple.of(4, Arbitraries.integers().between(0, 6_000).map(millis -> (Action) new Advance(millis))));
        return action.list().ofMinSize(10).ofMaxSize(40);
    }

    private static Arbitrary<Action> broadcasts() {
        return Combinators.combine(anyLong(), Arbitraries.integers().between(0, 9)).as(Broadcast::new);
    }

    private static Arbitrary<Long> anyLong() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-5, 50),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 2_000_000_000L, 1_000_000_007L, -1L, 0L));
    }

    private static Arbitrary<Action> raws() {
        Arbitrary<String> type = Arbitraries.oneOf(Arbitraries.of("broadcast", "read", "topology", "init", "gossip", "error",
                "broadcast_ok", ""), Arbitraries.strings().ofMaxLength(12));
        Arbitrary<JsonNode> fields = Arbitraries.maps(Arbitraries.of("message", "messages", "topology", "node_id", "node_ids",
                "values", "have", "epoch", "peer_epoch", "type", "in_reply_to", "extra", "x"), json(3))
                .ofMaxSize(6).map(map -> (JsonNode) object(map));
        Arbitrary<JsonNode> msgId = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(JSON.numberNode(0L))), // placeholder: a fresh valid id
                Tuple.of(1, Arbitraries.just(JSON.missingNode())),
                Tuple.of(2, scalar()));
        return Combinators.combine(type, fields, msgId, Arbitraries.of(false, false, false, true)).as(Raw::new);
    }

    private static Arbitrary<Action> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                json(3).map(JsonNode::toString),
                Arbitraries.of("{", "[1,2", "{\"src\":\"c1\"}", "{\"src\":1,\"dest\":\"n0\",\"body\":{}}",
                        "{\"src\":\"c1\",\"dest\":\"n0\",\"body\":[]}", "null", "   ", "\u0000\u00ff"),
                Arbitraries.integers().between(1, 2_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)))
                .map(Garbage::new);
    }

    private static Arbitrary<Action> gossips() {
        Arbitrary<List<Long>> values = anyLong().list().ofMaxSize(8);
        Arbitrary<List<Long>> range = Arbitraries.oneOf(
                Combinators.combine(anyLong(), Arbitraries.longs().between(0, 1_000)).as((first, length) ->
                        List.of(first, first + length < first ? Long.MAX_VALUE : first + length)),
                anyLong().list().ofMinSize(0).ofMaxSize(3));
        Arbitrary<List<List<Long>>> have = range.list().ofMaxSize(6);
        return Combinators.combine(Arbitraries.of("n1", "n2", "n3", "c1"), Arbitraries.longs().between(1, 4), Arbitraries.of(true, false),
                values, have, Arbitraries.of(true, false)).as(PeerGossip::new);
    }

    private static Arbitrary<JsonNode> json(int depth) {
        if (depth == 0) {
            return scalar();
        }
        return Arbitraries.frequencyOf(
                Tuple.of(32, scalar()),
                Tuple.of(8, json(depth - 1).list().ofMaxSize(4).map(items -> (JsonNode) array(items))),
                Tuple.of(8, Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(6), json(depth - 1))
                        .ofMaxSize(3).map(fields -> (JsonNode) object(fields))));
    }

    private static Arbitrary<JsonNode> scalar() {
        return Arbitraries.oneOf(
                anyLong().map(value -> (JsonNode) JSON.numberNode(value)),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(21).negate(), BigInteger.TEN.pow(40))
                        .map(value -> (JsonNode) JSON.numberNode(value)),
                Arbitraries.of(0.5, -0.0, 1e308, -1e-300, 3.0, 9.223372036854775807E18).map(value -> (JsonNode) JSON.numberNode(value)),
                Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("-12345678901234567890.5"))
                        .map(value -> (JsonNode) JSON.numberNode(value)),
                Arbitraries.strings().ofMaxLength(10).map(value -> (JsonNode) JSON.stringNode(value)),
                Arbitraries.of(JSON.nullNode(), JSON.booleanNode(true), JSON.booleanNode(false)).map(value -> (JsonNode) value));
    }

    private static ArrayNode array(List<JsonNode> items) {
        ArrayNode array = JSON.arrayNode();
        items.forEach(array::add);
        return array;
    }

    private static ObjectNode object(Map<String, JsonNode> fields) {
        ObjectNode object = JSON.objectNode();
        fields.forEach(object::set);
        return object;
    }

    /** One node from init to the end of a session, and the invariants over what it wrote. */
    private static final class Session {
        private final VirtualTime time = new VirtualTime();
        private final List<String> out = new ArrayList<>();
        private final SimNode node = NODES.start("n0", time, 1, out::add);
        // Per src + " " + msg_id: the requests that must be answered (a generated id may repeat), and the replies.
        private final Map<String, Integer> requests = new HashMap<>();
        private final Map<String, Integer> replies = new HashMap<>();
        private final Set<Long> acknowledged = new HashSet<>();
        private final Map<String, Long> broadcastValues = new HashMap<>();
        private long nextMsgId = 1;
        private long inputBytes;
        private long epoch;

        void run(List<Action> session) {
            try {
                send("c0", request("init", object(Map.of("node_id", JSON.stringNode("n0"),
                        "node_ids", array(CLUSTER.stream().map(id -> (JsonNode) JSON.stringNode(id)).toList())))));
                for (Action action : session) {
                    INPUTS.incrementAndGet();
                    perform(action);
                    check();
                }
                time.advance(Duration.ofSeconds(10));
                check();
                requests.forEach((key, count) -> assertThat(replies.getOrDefault(key, 0))
                        .as("replies to the %d request(s) %s", count, key).isEqualTo(count));
                MessageStore store = node.bean(MessageStore.class);
                assertThat(store.sizeInBytes()).as("store bytes for %d values", store.size())
                        .isLessThanOrEqualTo(4_096 + 200 * store.size());
            } finally {
                node.stop();
            }
        }

        private void perform(Action action) {
            if (action instanceof Broadcast b) {
                JsonNode message = switch (b.form()) {
                    case 0 -> JSON.stringNode(Long.toString(b.value()));
                    case 1 -> JSON.numberNode(b.value() + 0.5);
                    default -> JSON.numberNode(b.value());
                };
                String key = send("c1", request("broadcast", object(Map.of("message", message))));
                if (b.form() > 1) {
                    broadcastValues.put(key, b.value());
                }
            } else if (action instanceof Read) {
                send("c2", request("read", JSON.objectNode()));
            } else if (action instanceof Raw raw) {
                ObjectNode body = ((ObjectNode) raw.fields()).deepCopy();
                body.put("type", raw.type());
                if (raw.replyShaped()) {
                    body.put("in_reply_to", 999_999_999L);
                }
                if (raw.msgId().isMissingNode()) {
                    body.remove("msg_id");
                } else if (raw.msgId().isIntegralNumber() && raw.msgId().canConvertToLong() && raw.msgId().asLong() == 0) {
                    body.put("msg_id", nextMsgId++);
                } else {
                    body.set("msg_id", raw.msgId());
                }
                send("c3", body);
            } else if (action instanceof Garbage g) {
                deliver(g.line());
            } else if (action instanceof PeerGossip g) {
                ArrayNode values = JSON.arrayNode();
                g.values().forEach(values::add);
                ArrayNode have = JSON.arrayNode();
                g.have().forEach(range -> {
                    ArrayNode pair = have.addArray();
                    range.forEach(pair::add);
                });
                ObjectNode body = gossip(g.epoch(), values, have);
                if (!g.knowsOurs()) {
                    body.put("peer_epoch", 0);
                }
                if (g.withMsgId()) {
                    body.put("msg_id", nextMsgId++);
                }
                send(g.peer(), body);
            } else if (action instanceof Huge h) {
                huge(h);
            } else if (action instanceof Advance a) {
                time.advance(Duration.ofMillis(a.millis()));
            }
        }

        private void huge(Huge h) {
            ArrayNode numbers = JSON.arrayNode(h.size());
            LongStream.range(0, h.size()).forEach(i -> numbers.add(1_000_000_000_000L + 3 * i));
            switch (h.kind()) {
                case 0 -> send("c1", request("broadcast", object(Map.of("message", numbers))));
                case 1 -> send("c2", request("read", object(Map.of("padding", numbers))));
                case 2 -> send("n1", gossip(1, numbers, JSON.arrayNode()));
                default -> {
                    ArrayNode ranges = JSON.arrayNode(h.size() / 10);
                    IntStream.range(0, h.size() / 10).forEach(i -> ranges.addArray().add(3L * i).add(3L * i + 1));
                    send("n2", gossip(1, JSON.arrayNode(), ranges));
                }
            }
        }

        private ObjectNode gossip(long epoch, ArrayNode values, ArrayNode have) {
            ObjectNode body = JSON.objectNode();
            body.put("type", "gossip");
            body.put("epoch", epoch);
            body.put("peer_epoch", ourEpoch());
            body.set("values", values);
            body.set("have", have);
            return body;
        }

        /** Our epoch as the node gossips it, or 0 when it has not gossiped yet. */
        private long ourEpoch() {
            return epoch;
        }

        private ObjectNode request(String type, ObjectNode fields) {
            ObjectNode body = fields.deepCopy();
            body.put("type", type);
            body.put("msg_id", nextMsgId++);
            return body;
        }

        /** Sends a body; returns the key its reply is counted under when one is owed, else null. */
        private String send(String src, ObjectNode body) {
            ObjectNode envelope = JSON.objectNode();
            envelope.put("src", src);
            envelope.put("dest", "n0");
            envelope.set("body", body);
            JsonNode msgId = body.get("msg_id");
            JsonNode inReplyTo = body.get("in_reply_to");
            boolean isReply = inReplyTo != null && inReplyTo.canConvertToExactIntegral() && inReplyTo.canConvertToLong();
            String key = null;
            if (!isReply && msgId != null && msgId.canConvertToExactIntegral() && msgId.canConvertToLong()) {
                key = src + " " + msgId.asLong();
                requests.merge(key, 1, Integer::sum);
            }
            deliver(envelope.toString());
            return key;
        }

        private void deliver(String line) {
            int before = out.size();
            long thread = Thread.currentThread().getId();
            long allocatedBefore = THREADS.getThreadAllocatedBytes(thread);
            inputBytes += line.length();
            node.deliver(line);
            time.advance(Duration.ZERO);
            long allocated = THREADS.getThreadAllocatedBytes(thread) - allocatedBefore;
            long bound = 200L * line.getBytes(StandardCharsets.UTF_8).length + 32L * inputBytes + (16 << 20);
            assertThat(allocated).as("bytes allocated for a line of %d chars: %s", line.length(), excerpt(line))
                    .isLessThanOrEqualTo(bound);
            for (String written : out.subList(before, out.size())) {
                count(written);
            }
            counted = out.size();
        }

        private int counted;

        private void check() {
            // Lines written by timers between inputs: gossip, and replies that waited (init_ok held for the hub's word).
            for (String written : out.subList(counted, out.size())) {
                count(written);
            }
            counted = out.size();
        }

        private void count(String line) {
            JsonNode envelope = validEnvelope(line);
            JsonNode body = envelope.get("body");
            if (body.has("in_reply_to")) {
                String key = envelope.get("dest").asString() + " " + body.get("in_reply_to").asLong();
                assertThat(requests).as("a reply to a request that wanted none: %s", line).containsKey(key);
                replies.merge(key, 1, Integer::sum);
                assertThat(replies.get(key)).as("more replies than requests: %s", line).isLessThanOrEqualTo(requests.get(key));
                String type = body.get("type").asString();
                if (type.equals("broadcast_ok") && broadcastValues.containsKey(key)) {
                    acknowledged.add(broadcastValues.get(key));
                }
                if (type.equals("read_ok")) {
                    Set<Long> read = new HashSet<>();
                    body.get("messages").forEach(value -> {
                        assertThat(value.isIntegralNumber()).as("read value %s", value).isTrue();
                        assertThat(read.add(value.asLong())).as("%s read twice", value).isTrue();
                    });
                    assertThat(read).as("a read after these values were acknowledged").containsAll(acknowledged);
                }
            }
        }

        private JsonNode validEnvelope(String line) {
            JsonNode envelope = MAPPER.readTree(line);
            assertThat(envelope.isObject()).as(line).isTrue();
            assertThat(envelope.get("src").asString()).as(line).isEqualTo("n0");
            assertThat(envelope.get("dest").isString()).as(line).isTrue();
            assertThat(envelope.get("body").isObject()).as(line).isTrue();
            assertThat(envelope.get("body").get("type").isString()).as(line).isTrue();
            if (envelope.get("body").get("type").asString().equals("gossip")) {
                epoch = envelope.get("body").get("epoch").asLong();
            }
            if (envelope.get("body").get("type").asString().equals("error")) {
                assertThat(envelope.get("body").get("code").isIntegralNumber()).as(line).isTrue();
            }
            return envelope;
        }

        private static String excerpt(String line) {
            return line.length() <= 300 ? line : line.substring(0, 300) + "...";
        }
    }
}
