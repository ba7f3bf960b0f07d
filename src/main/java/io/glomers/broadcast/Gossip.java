package io.glomers.broadcast;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.glomers.runtime.ErrorCode;
import io.glomers.runtime.MaelstromException;
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
     * The sender's summary, once this gossip is shown to be within what one message may make a node
     * hold or compute; refused otherwise with error 12 (malformed-request) naming the limit.
     */
    ValueSet summaryWithin(BroadcastProperties.Limits limits) {
        if (values.length > limits.maxValuesPerGossip()) {
            throw new MaelstromException(ErrorCode.MALFORMED_REQUEST, "gossip carries " + values.length
                    + " values, over the limit broadcast.limits.max-values-per-gossip = " + limits.maxValuesPerGossip());
        }
        try {
            return ValueSet.fromRanges(have, limits.maxSummaryRanges(), limits.maxSummarySpan());
        } catch (ValueSet.LimitExceededException e) {
            throw new MaelstromException(ErrorCode.MALFORMED_REQUEST, "gossip 'have': " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new MaelstromException(ErrorCode.MALFORMED_REQUEST, "malformed gossip 'have': " + e.getMessage());
        }
    }

    /**
     * The answer to a gossip that carries a {@code msg_id}, so that every request with one gets
     * exactly one reply. Nodes gossip without {@code msg_id} (the next summary is the acknowledgement),
     * so between them this is never sent.
     */
    @MessageType("gossip_ok")
    public record Ok() {
    }
}
