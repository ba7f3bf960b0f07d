package io.glomers.bench.view;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the diagram writes on and over an arrow: a short label (the body's type and its other
 * fields, Maelstrom's 48 characters at most) and the hover text (sender, receiver, the whole body,
 * cut at {@link #HOVER_LIMIT} characters: a 3d {@code read_ok} lists thousands of values).
 */
final class MessageText {

    static final int LABEL_LIMIT = 48;
    static final int HOVER_LIMIT = 2000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Text(String type, String label, String hover, boolean error) {
    }

    private MessageText() {
    }

    static Text of(MessageLogEvent event) {
        JsonNode body = body(event.line());
        if (body == null) {
            return new Text("?", cut(event.line(), LABEL_LIMIT), cut(event.src() + " → " + event.dest() + " " + event.line(), HOVER_LIMIT), false);
        }
        String type = body.path("type").asString("?");
        boolean error = "error".equals(type);
        String rest;
        if (error) {
            rest = body.path("code").asString("") + " " + body.path("text").asString("");
        } else {
            ObjectNode fields = body.isObject() ? ((ObjectNode) body).deepCopy() : JSON.createObjectNode();
            fields.remove("type");
            fields.remove("msg_id");
            fields.remove("in_reply_to");
            rest = fields.isEmpty() ? "" : fields.toString();
        }
        return new Text(type, cut((type + " " + rest).strip(), LABEL_LIMIT),
                cut(event.src() + " → " + event.dest() + " " + body, HOVER_LIMIT), error);
    }

    private static JsonNode body(String line) {
        try {
            JsonNode message = JSON.readTree(line);
            JsonNode body = message.get("body");
            return body != null && body.isObject() ? body : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
