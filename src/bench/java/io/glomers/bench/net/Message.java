package io.glomers.bench.net;

import tools.jackson.databind.JsonNode;

/**
 * One message on the simulated network, as journaled.
 *
 * @param id   the network's own sequence number (Maelstrom's journal gives each message one too)
 * @param src  sender id
 * @param dest receiver id
 * @param body the parsed body
 * @param line the line as the sender wrote it, delivered unchanged
 */
public record Message(long id, String src, String dest, JsonNode body, String line) {

    public String type() {
        JsonNode type = body.get("type");
        return type == null ? null : type.asString();
    }

    /** {@code msg_id} of the body, or null. */
    public Long msgId() {
        JsonNode id = body.get("msg_id");
        return id != null && id.isIntegralNumber() ? id.longValue() : null;
    }

    /** {@code in_reply_to} of the body, or null. */
    public Long inReplyTo() {
        JsonNode id = body.get("in_reply_to");
        return id != null && id.isIntegralNumber() ? id.longValue() : null;
    }
}
