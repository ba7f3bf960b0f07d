package io.glomers.runtime;

import tools.jackson.databind.JsonNode;

/**
 * One Maelstrom message: {@code {"src": ..., "dest": ..., "body": {...}}}. The body stays a JSON tree
 * until the dispatcher knows which record type the handler wants.
 *
 * @param receivedAtMillis when the node read it, on the event loop's clock; {@link #UNKNOWN} when not known. A client
 *                         gives up on a request after a while, and a reply after that is refused
 *                         ({@link Messenger#reply}).
 */
public record Envelope(String src, String dest, JsonNode body, long receivedAtMillis) {

    public static final long UNKNOWN = Long.MIN_VALUE;

    public Envelope(String src, String dest, JsonNode body) {
        this(src, dest, body, UNKNOWN);
    }

    public String type() {
        JsonNode type = body.get("type");
        return type != null && type.isString() ? type.asString() : null;
    }

    /** The sender's {@code msg_id}, or {@code null} when the message expects no reply. */
    public Long msgId() {
        return longField("msg_id");
    }

    /** The {@code in_reply_to} of a reply, or {@code null} for a request. */
    public Long inReplyTo() {
        return longField("in_reply_to");
    }

    private Long longField(String name) {
        JsonNode value = body.get(name);
        return value != null && value.canConvertToExactIntegral() && value.canConvertToLong() ? value.asLong() : null;
    }
}
