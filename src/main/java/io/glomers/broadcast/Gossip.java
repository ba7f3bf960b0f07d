package io.glomers.broadcast;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.glomers.runtime.MessageType;

/**
 * The one message nodes exchange: values the receiver is owed, and the sender's whole set as
 * ranges, which acknowledges everything the receiver sent before. An empty {@code values} is a
 * bare acknowledgement or a greeting.
 *
 * @param epoch     the sender's process incarnation
 * @param peerEpoch the receiver's incarnation as the sender knows it (0: unknown)
 * @param values    values for the receiver
 * @param have      everything the sender has, as inclusive {@code [first, last]} ranges
 */
@MessageType("gossip")
public record Gossip(
        long epoch,
        @JsonProperty("peer_epoch") long peerEpoch,
        long[] values,
        long[][] have) {

    /**
     * The answer to a gossip that carries a {@code msg_id}, so that every request with one gets
     * exactly one reply. Nodes gossip without {@code msg_id} (the next summary is the acknowledgement),
     * so between them this is never sent.
     */
    @MessageType("gossip_ok")
    public record Ok() {
    }
}
