package io.glomers.runtime;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes each incoming message on the event loop: replies to the RPC that waits for them, requests
 * to their {@link MessageHandler}, and every failure to an {@code error} reply with its code.
 */
@Slf4j
@Component
@RequiredArgsConstructor
public class Dispatcher {

    private final HandlerRegistry handlers;
    private final Messenger messenger;
    private final Cluster cluster;
    private final JsonMapper mapper;


    /** Handles one message. Must run on the event loop. */
    public void dispatch(Envelope envelope) {
        if (envelope.inReplyTo() != null) {
            if (!messenger.completeReply(envelope)) {
                log.debug("Ignoring a reply nobody waits for: {}", envelope);
            }
            return;
        }
        try {
            Object reply = handle(envelope);
            if (reply != null) {
                messenger.reply(envelope, reply);
            }
        } catch (MaelstromException e) {
            log.warn("Request from {} failed with {}: {}", envelope.src(), e.getCode(), e.getMessage());
            replyError(envelope, e);
        } catch (RuntimeException e) {
            log.error("Handler failed on {}", envelope, e);
            replyError(envelope, new MaelstromException(ErrorCode.CRASH, "internal error: " + e));
        }
    }

    private Object handle(Envelope envelope) {
        String type = envelope.type();
        if (type == null) {
            throw new MaelstromException(ErrorCode.MALFORMED_REQUEST, "body has no string field 'type'");
        }
        if (!cluster.isInitialized() && !"init".equals(type)) {
            throw new MaelstromException(ErrorCode.TEMPORARILY_UNAVAILABLE,
                    "node is not initialised yet; send init first (got " + type + ")");
        }
        HandlerMethod handler = handlers.find(type).orElseThrow(() -> new MaelstromException(
                ErrorCode.NOT_SUPPORTED, "unsupported message type '" + type + "'; this node serves " + handlers.types()));
        return handler.invoke(envelope, mapper);
    }

    private void replyError(Envelope request, MaelstromException e) {
        if (request.msgId() == null) {
            log.warn("Cannot report the error to {}: the request has no msg_id", request.src());
            return;
        }
        messenger.reply(request, ErrorBody.of(e));
    }
}
