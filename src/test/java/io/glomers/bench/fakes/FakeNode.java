package io.glomers.bench.fakes;

import io.glomers.bench.nodes.BenchNode;
import io.glomers.bench.nodes.NodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A single-node broadcast server written by hand (no Spring), correct by default; subclasses break
 * one rule each so that tests can prove the bench notices. Runs on a thread of its own, like a
 * real node, so the bench sees its output asynchronously.
 */
public class FakeNode implements BenchNode {

    protected final JsonMapper mapper = JsonMapper.builder().build();
    protected final TreeSet<Long> values = new TreeSet<>();
    protected final List<String> peers = new ArrayList<>();
    private final String id;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-node");
        t.setDaemon(true);
        return t;
    });
    private Consumer<String> output;

    public FakeNode(String id) {
        this.id = id;
    }

    public static NodeFactory factory(Function<String, FakeNode> constructor) {
        return (id, logDir) -> constructor.apply(id);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void start(Consumer<String> output) {
        this.output = output;
    }

    @Override
    public void deliver(String line) {
        thread.execute(() -> handle(mapper.readTree(line)));
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    private void handle(JsonNode message) {
        JsonNode body = message.get("body");
        String src = message.get("src").asString();
        if (body.get("type").asString().equals("gossip")) {
            body.get("values").forEach(v -> values.add(v.asLong()));
            return;
        }
        long msgId = body.get("msg_id").asLong();
        switch (body.get("type").asString()) {
            case "init" -> {
                body.get("node_ids").forEach(n -> {
                    if (!n.asString().equals(id)) {
                        peers.add(n.asString());
                    }
                });
                onInit(src, msgId);
            }
            case "topology" -> reply(src, msgId, "topology_ok");
            case "broadcast" -> {
                onBroadcast(body.get("message").asLong());
                reply(src, msgId, "broadcast_ok");
            }
            case "read" -> {
                ObjectNode ok = replyBody(msgId, "read_ok");
                readValues().forEach(ok.putArray("messages")::add);
                send(src, ok);
            }
            default -> throw new IllegalStateException("unexpected " + message);
        }
    }

    protected void onInit(String src, long msgId) {
        reply(src, msgId, "init_ok");
    }

    protected void onBroadcast(long value) {
        values.add(value);
    }

    protected Iterable<Long> readValues() {
        return values;
    }

    protected ObjectNode replyBody(long inReplyTo, String type) {
        ObjectNode body = mapper.createObjectNode();
        body.put("type", type);
        body.put("in_reply_to", inReplyTo);
        return body;
    }

    protected void reply(String dest, long inReplyTo, String type) {
        send(dest, replyBody(inReplyTo, type));
    }

    protected void send(String dest, ObjectNode body) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("src", id);
        envelope.put("dest", dest);
        envelope.set("body", body);
        writeLine(mapper.writeValueAsString(envelope));
    }

    /** A raw stdout line. */
    protected void writeLine(String line) {
        output.accept(line);
    }

    /** Runs {@code task} on the node's thread after {@code millis}. */
    protected void later(long millis, Runnable task) {
        thread.schedule(task, millis, TimeUnit.MILLISECONDS);
    }

    /** Forgets every third broadcast value it acknowledges. */
    public static final class DropsEveryThird extends FakeNode {
        private int broadcasts;

        public DropsEveryThird(String id) {
            super(id);
        }

        @Override
        protected void onBroadcast(long value) {
            if (++broadcasts % 3 != 0) {
                super.onBroadcast(value);
            }
        }
    }

    /** Answers reads from a snapshot taken after its third broadcast and never refreshed. */
    public static final class StaleSnapshot extends FakeNode {
        private TreeSet<Long> snapshot;

        public StaleSnapshot(String id) {
            super(id);
        }

        @Override
        protected void onBroadcast(long value) {
            super.onBroadcast(value);
            if (snapshot == null && values.size() == 3) {
                snapshot = new TreeSet<>(values);
            }
        }

        @Override
        protected Iterable<Long> readValues() {
            return snapshot == null ? values : snapshot;
        }
    }

    /** Prints a debug line on stdout at its third broadcast, as a stray System.out.println would. */
    public static final class StrayLine extends FakeNode {
        private int broadcasts;

        public StrayLine(String id) {
            super(id);
        }

        @Override
        protected void onBroadcast(long value) {
            super.onBroadcast(value);
            if (++broadcasts == 3) {
                writeLine("DEBUG got broadcast " + value);
            }
        }
    }

    /** Answers init after 12 s: too late for Maelstrom's 10 s deadline. */
    public static final class SlowInit extends FakeNode {
        public SlowInit(String id) {
            super(id);
        }

        @Override
        protected void onInit(String src, long msgId) {
            later(12_000, () -> super.onInit(src, msgId));
        }
    }

    /** Answers reads with an in_reply_to that names no request. */
    public static final class WrongInReplyTo extends FakeNode {
        public WrongInReplyTo(String id) {
            super(id);
        }

        @Override
        protected void send(String dest, ObjectNode body) {
            if ("read_ok".equals(body.get("type").asString())) {
                body.put("in_reply_to", body.get("in_reply_to").asLong() + 1000);
            }
            super.send(dest, body);
        }
    }

    /** Gossips to a node that does not exist and once pretends to be someone else. */
    public static final class BadAddresses extends FakeNode {
        public BadAddresses(String id) {
            super(id);
        }

        @Override
        protected void onBroadcast(long value) {
            super.onBroadcast(value);
            if (values.size() == 1) {
                writeLine("{\"src\":\"" + id() + "\",\"dest\":\"n7\",\"body\":{\"type\":\"gossip\",\"value\":1}}");
                writeLine("{\"src\":\"n5\",\"dest\":\"c1\",\"body\":{\"type\":\"broadcast_ok\",\"in_reply_to\":1}}");
            }
        }
    }

    /** Correct under partitions: every 200 ms it sends everything it knows to every peer (anti-entropy). */
    public static final class Gossiping extends FakeNode {
        public Gossiping(String id) {
            super(id);
        }

        @Override
        protected void onInit(String src, long msgId) {
            super.onInit(src, msgId);
            later(200, this::gossip);
        }

        private void gossip() {
            for (String peer : peers) {
                ObjectNode body = mapper.createObjectNode();
                body.put("type", "gossip");
                values.forEach(body.putArray("values")::add);
                send(peer, body);
            }
            later(200, this::gossip);
        }
    }
}
