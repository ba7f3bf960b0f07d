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
    private final CrashPolicy crashes;

    /** Handles one message. Must run on the event loop. */
    public void dispatch(Envelope envelope) {
        dispatch(envelope, false);
    }

    /**
     * Handles one message; {@code answered}: {@link EarlyStdin} sent its reply already, so the handler's
     * reply (or error) is not sent again. Must run on the event loop.
     */
    public void dispatch(Envelope envelope, boolean answered) {
        if (answered) {
            messenger.answeredAlready(envelope);
        }
        if (envelope.inReplyTo() != null) {
            // The node sends no requests, so a reply is a stray (late, duplicated, or misaddressed).
            log.debug("Ignoring a reply nobody waits for: {}", envelope);
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
        } catch (RuntimeException | Error e) {
            crashed(envelope, e);
        }
    }

    /**
     * Whatever a handler throws, {@code Error} included, the request gets its one reply (error 13,
     * indefinite: the handler may have done part of its work), and the node goes on unless the JVM
     * cannot ({@link CrashPolicy}). The reply comes first: after an OutOfMemoryError it is the one
     * thing that must still fit.
     */
    private void crashed(Envelope envelope, Throwable failure) {
        try {
            replyError(envelope, new MaelstromException(ErrorCode.CRASH, "internal error: " + failure));
        } catch (RuntimeException | Error reportFailure) {
            crashes.fatal("while answering a " + envelope.type() + " whose handler failed with " + failure, reportFailure);
            return;
        }
        if (!crashes.survivable(failure)) {
            crashes.fatal("in the " + envelope.type() + " handler", failure);
            return;
        }
        log.error("The {} handler failed on a message from {} (msg_id {}); answered error 13", envelope.type(),
                envelope.src(), envelope.msgId(), failure);
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
