package io.glomers.broadcast;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.glomers.runtime.ErrorCode;
import io.glomers.runtime.MaelstromException;
import io.glomers.runtime.MessageType;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one message nodes exchange: values the receiver is owed, and the sender's whole set as
 * ranges, which acknowledges everything the receiver sent before. An empty {@code values} is a
 * bare acknowledgement or a greeting.
 *
 * @param epoch     the sender's process incarnation
 * @param peerEpoch the receiver's incarnation as the sender knows it (0: unknown)
 * @param values    values for the receiver
 * @param have      everything the sender has, as inclusive {@code [first, last]} ranges
 * @param sent      the adaptive overlay's: when the sender sent it, on its loop's clock (absent otherwise)
 * @param relay     the adaptive overlay's, from an origin to the hub: whether the hub passes the values on
 *                  (false when the origin sent them to every node itself; absent means yes)
 * @param plan      the adaptive overlay's, from the hub: the plan every origin follows
 * @param reads     the adaptive overlay's, from an origin to the hub: {@code [count, millis]}, the reads
 *                  its clients made in the {@code millis} up to their latest request (absent before their first)
 * @param startHop  the adaptive overlay's, before the hub's first plan, in milliseconds: from the hub, the longest
 *                  hop it expects, from every node's first gossips (absent until it has heard them all); from a
 *                  node still waiting for that word, the hop the hub's latest gossip to it took (absent once told)
 */
@MessageType("gossip")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Gossip(
        long epoch,
        @JsonProperty("peer_epoch") long peerEpoch,
        long[] values,
        long[][] have,
        @Optional Long sent,
        @Optional Boolean relay,
        @Optional Plan plan,
        @Optional long[] reads,
        // Its own injection id: Jackson names an optional's by its type, and sent is a Long too.
        @JsonProperty("start_hop") @JacksonInject(value = "start_hop", useInput = OptBoolean.TRUE, optional = OptBoolean.TRUE)
        Long startHop) {

    /**
     * A field the fixed overlays leave out. Bodies bind strictly (a missing field is malformed), and
     * an optional injection is Jackson's one way to let a creator property be absent: with nothing
     * to inject, an absent field is null.
     */
    @Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    @JacksonAnnotationsInside
    @JacksonInject(useInput = OptBoolean.TRUE, optional = OptBoolean.TRUE)
    @interface Optional {
    }

    /** A gossip of the fixed overlays, which add nothing to it. */
    public Gossip(long epoch, long peerEpoch, long[] values, long[][] have) {
        this(epoch, peerEpoch, values, have, null, null, null, null, null);
    }

    /** Whether the hub passes this gossip's values on. */
    boolean relayAsked() {
        return relay == null || relay;
    }

    Gossip stamped(long sentAt, Boolean relayAsked, Plan announced, long[] readsReported, Long expectedHop) {
        return new Gossip(epoch, peerEpoch, values, have, sentAt, relayAsked, announced, readsReported, expectedHop);
    }

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
