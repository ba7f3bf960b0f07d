package io.glomers.bench.net;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maelstrom's rules for what a node writes: one JSON object per line with string {@code src} and
 * {@code dest} and an object body with a string {@code type}; {@code src} is the node itself, {@code dest}
 * a node or client that exists; a reply to a client names one of that client's requests and has the
 * type its schema demands. Stateless: the outstanding requests come from the {@link RequestLedger}.
 */
public final class ProtocolValidator {

    private static final int EXCERPT = 160;

    /** The reply type each client request demands (besides {@code error}). */
    private static final Map<String, String> REPLY_TYPES = Map.of(
            "init", "init_ok",
            "topology", "topology_ok",
            "broadcast", "broadcast_ok",
            "read", "read_ok");

    private final JsonMapper mapper;

    public ProtocolValidator(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The outcome of checking one stdout line of a node. */
    public sealed interface Outcome {
    }

    /** A well-formed envelope from the right sender to a known destination. */
    public record Accepted(String dest, JsonNode body) implements Outcome {
    }

    /**
     * A violation. {@code deaf}: Maelstrom could not parse the line and stops reading the node for good.
     */
    public record Rejected(String reason, boolean deaf) implements Outcome {
    }

    public Outcome checkLine(String node, String line, Predicate<String> known) {
        JsonNode tree;
        try {
            tree = mapper.readTree(line);
        } catch (JacksonException e) {
            tree = null;
        }
        if (tree == null || !tree.isObject()) {
            return new Rejected("wrote a stdout line that is not a JSON object: " + excerpt(line), true);
        }
        JsonNode src = tree.get("src");
        JsonNode dest = tree.get("dest");
        JsonNode body = tree.get("body");
        if (src == null || !src.isString() || dest == null || !dest.isString()) {
            return new Rejected("message without string src and dest: " + excerpt(line), false);
        }
        if (!src.asString().equals(node)) {
            return new Rejected("claims src " + src.asString() + " (it is " + node + "): " + excerpt(line), false);
        }
        if (!known.test(dest.asString())) {
            return new Rejected("sent a message to unknown node " + dest.asString() + ": " + excerpt(line), false);
        }
        if (body == null || !body.isObject() || body.get("type") == null || !body.get("type").isString()) {
            return new Rejected("message body without a string type: " + excerpt(line), false);
        }
        return new Accepted(dest.asString(), body);
    }

    /** What is wrong with a node's reply to a client, if anything. */
    public Optional<String> checkReply(Message reply, RequestLedger ledger) {
        Long inReplyTo = reply.inReplyTo();
        if (inReplyTo == null) {
            return Optional.of("message to client " + reply.dest() + " without an integer in_reply_to: " + excerpt(reply.line()));
        }
        RequestLedger.Request request = ledger.find(reply.dest(), inReplyTo);
        if (request == null || request.state() == RequestLedger.State.ANSWERED) {
            return Optional.of("reply to " + reply.dest() + " with in_reply_to " + inReplyTo
                    + " that matches no outstanding request of that client: " + excerpt(reply.line()));
        }
        if (!request.node().equals(reply.src())) {
            return Optional.of("replied to request " + inReplyTo + " of " + reply.dest() + ", which was sent to "
                    + request.node() + ": " + excerpt(reply.line()));
        }
        String type = reply.type();
        if ("error".equals(type)) {
            JsonNode code = reply.body().get("code");
            return code != null && code.isIntegralNumber() ? Optional.empty()
                    : Optional.of("error reply without an integer code: " + excerpt(reply.line()));
        }
        String expected = REPLY_TYPES.getOrDefault(request.type(), request.type() + "_ok");
        if (!expected.equals(type)) {
            return Optional.of("answered " + request.type() + " with type " + type + " (expected " + expected
                    + " or error): " + excerpt(reply.line()));
        }
        if ("read_ok".equals(type)) {
            JsonNode messages = reply.body().get("messages");
            if (messages == null || !messages.isArray()) {
                return Optional.of("read_ok without a messages array: " + excerpt(reply.line()));
            }
            for (JsonNode value : messages) {
                if (!value.isIntegralNumber()) {
                    return Optional.of("read_ok with a non-integer in messages: " + excerpt(reply.line()));
                }
            }
        }
        return Optional.empty();
    }

    private static String excerpt(String line) {
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT) + "...";
    }
}
