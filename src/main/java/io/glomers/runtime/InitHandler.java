package io.glomers.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The {@code init} handshake: learns the node id and membership, then tells the application. */
@Slf4j
@Component
@RequiredArgsConstructor
class InitHandler {

    private final Cluster cluster;
    private final ApplicationEventPublisher events;

    record Init(@JsonProperty("node_id") String nodeId, @JsonProperty("node_ids") List<String> nodeIds) {
    }

    @MessageType("init_ok")
    record InitOk() {
    }

    @MessageHandler("init")
    InitOk init(Init init) {
        if (!init.nodeIds().contains(init.nodeId())) {
            throw new MaelstromException(ErrorCode.MALFORMED_REQUEST,
                    "node_id " + init.nodeId() + " is not among node_ids " + init.nodeIds());
        }
        if (cluster.isInitialized()) {
            if (cluster.self().equals(init.nodeId()) && cluster.nodeIds().equals(init.nodeIds())) {
                return new InitOk();
            }
            throw new MaelstromException(ErrorCode.PRECONDITION_FAILED,
                    "already initialised as " + cluster.self() + " of " + cluster.nodeIds());
        }
        cluster.initialize(init.nodeId(), init.nodeIds());
        log.info("Initialised as {} of {}", init.nodeId(), init.nodeIds());
        events.publishEvent(new NodeInitialized(cluster));
        return new InitOk();
    }
}
