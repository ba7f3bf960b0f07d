package io.glomers.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The wire shape of a message the node sends: the runtime's reserved fields around a body record. */
record OutgoingMessage(String src, String dest, Body body) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"type", "msg_id", "in_reply_to"})
    record Body(
            String type,
            @JsonProperty("msg_id") Long msgId,
            @JsonProperty("in_reply_to") Long inReplyTo,
            @JsonUnwrapped Object payload) {
    }
}
