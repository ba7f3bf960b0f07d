package io.glomers.bench.plant;

import java.util.function.LongPredicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading and rewriting the protocol lines a filter sees. A line the filter does not change is passed on as it was. */
final class Lines {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Lines() {
    }

    /** The message, or null when the line is not a JSON object with a body of this type. */
    static ObjectNode ofType(String line, String type) {
        if (!line.contains('"' + type + '"')) {
            return null;
        }
        try {
            JsonNode tree = MAPPER.readTree(line);
            JsonNode body = tree.path("body");
            return tree instanceof ObjectNode message && body.path("type").asString("").equals(type) ? message : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static ObjectNode body(ObjectNode message) {
        return (ObjectNode) message.get("body");
    }

    /**
     * The gossip line with only the {@code values} that {@code keep} accepts (called once per value, in
     * order); the line itself when it keeps them all.
     */
    static String keepValues(String line, ObjectNode gossip, LongPredicate keep) {
        ArrayNode values = (ArrayNode) body(gossip).path("values");
        ArrayNode kept = values.arrayNode();
        values.forEach(value -> {
            if (keep.test(value.asLong())) {
                kept.add(value);
            }
        });
        if (kept.size() == values.size()) {
            return line;
        }
        body(gossip).set("values", kept);
        return write(gossip);
    }

    static String write(ObjectNode message) {
        return MAPPER.writeValueAsString(message);
    }
}
