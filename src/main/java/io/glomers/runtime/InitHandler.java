package io.glomers.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The {@code init} handshake: learns the node id and membership, answers {@code init_ok}, then tells
 * the application. The answer goes first: Maelstrom times {@code init_ok} against its deadline, and
 * what listeners send on {@link NodeInitialized} (greetings to peers) would otherwise precede it. Unless
 * the application holds it ({@link InitGate}), as the adaptive overlay does until the hub has measured
 * the network's hops: then it goes when the application is ready.
 */
@Slf4j
@Component
@RequiredArgsConstructor
class InitHandler {

    private final Cluster cluster;
    private final Messenger messenger;
    private final ApplicationEventPublisher events;
    private final InitGate gate;

    record Init(@JsonProperty("node_id") String nodeId, @JsonProperty("node_ids") List<String> nodeIds) {
    }

    @MessageType("init_ok")
    record InitOk() {
    }

    @MessageHandler("init")
    void init(Init init, Envelope envelope) {
        if (!init.nodeIds().contains(init.nodeId())) {
            throw new MaelstromException(ErrorCode.MALFORMED_REQUEST,
                    "node_id " + init.nodeId() + " is not among node_ids " + init.nodeIds());
        }
        if (cluster.isInitialized()) {
            if (cluster.self().equals(init.nodeId()) && cluster.nodeIds().equals(init.nodeIds())) {
                messenger.reply(envelope, new InitOk());
                return;
            }
            throw new MaelstromException(ErrorCode.PRECONDITION_FAILED,
                    "already initialised as " + cluster.self() + " of " + cluster.nodeIds());
        }
        cluster.initialize(init.nodeId(), init.nodeIds());
        log.info("Initialised as {} of {}", init.nodeId(), init.nodeIds());
        // At once unless held: Maelstrom times init_ok, and what the listeners send (greetings) would precede it.
        gate.whenOpen(() -> messenger.reply(envelope, new InitOk()));
        // Still on this task of the event loop, so no later message is handled before the listeners ran.
        try {
            events.publishEvent(new NodeInitialized(cluster));
        } catch (RuntimeException e) {
            // init_ok may be out; an error reply now would be a second answer to one request.
            log.error("A NodeInitialized listener failed", e);
        }
    }
}
