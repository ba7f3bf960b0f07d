package io.glomers.runtime;

import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answers to Maelstrom's start-up handshakes that need nothing but the message itself: the first
 * {@code init} and, after it, {@code topology}. {@link EarlyStdin} sends them while the Spring context
 * is still starting; the handlers ({@code InitHandler}, the broadcast {@code topology} handler) still
 * handle both messages later, and their replies, the same, are dropped ({@link Messenger}).
 *
 * <p>Only what the handlers would certainly accept is answered here: a well-formed {@code init} whose
 * {@code node_id} is among its {@code node_ids}, and a {@code topology} whose every node maps to a list
 * of node ids. Anything else is left to the handlers, which answer it (an error, say) in their time.
 */
final class StartupAnswers {

    private static final Set<String> ENVELOPE = Set.of("src", "dest", "body");

    private final JsonMapper mapper = JsonMapper.builder().build();
    private boolean initAnswered;

    /** The reply line for {@code line}, or null when the handlers must answer it. */
    String answer(String line) {
        JsonNode message;
        try {
            message = mapper.readTree(line);
        } catch (JacksonException e) {
            return null;
        }
        if (message == null || !message.isObject() || !ENVELOPE.stream().allMatch(message::has)
                || !message.get("src").isString() || !message.get("dest").isString() || !message.get("body").isObject()) {
            return null;
        }
        JsonNode body = message.get("body");
        JsonNode msgId = body.get("msg_id");
        JsonNode type = body.get("type");
        if (msgId == null || !msgId.canConvertToExactIntegral() || !msgId.canConvertToLong() || type == null || !type.isString()) {
            return null;
        }
        String reply = switch (type.asString()) {
            case "init" -> !initAnswered && validInit(body) ? "init_ok" : null;
            case "topology" -> initAnswered && validTopology(body) ? "topology_ok" : null;
            default -> null;
        };
        if (reply == null) {
            return null;
        }
        initAnswered = true;
        ObjectNode out = mapper.createObjectNode();
        out.put("src", message.get("dest").asString());
        out.put("dest", message.get("src").asString());
        out.putObject("body").put("type", reply).put("in_reply_to", msgId.asLong());
        return mapper.writeValueAsString(out);
    }

    private static boolean validInit(JsonNode body) {
        JsonNode self = body.get("node_id");
        JsonNode all = body.get("node_ids");
        if (self == null || !self.isString() || !stringList(all)) {
            return false;
        }
        for (JsonNode node : all) {
            if (node.asString().equals(self.asString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean validTopology(JsonNode body) {
        JsonNode topology = body.get("topology");
        if (topology == null || !topology.isObject()) {
            return false;
        }
        for (JsonNode neighbours : topology.values()) {
            if (!stringList(neighbours)) {
                return false;
            }
        }
        return true;
    }

    private static boolean stringList(JsonNode node) {
        if (node == null || !node.isArray()) {
            return false;
        }
        for (JsonNode element : node) {
            if (!element.isString()) {
                return false;
            }
        }
        return true;
    }
}
