package io.glomers.broadcast;

import io.glomers.runtime.ErrorCode;
import io.glomers.runtime.MaelstromException;
import io.glomers.runtime.MessageHandler;
import io.glomers.runtime.MessageType;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** The client-facing side of the broadcast workload: {@code broadcast}, {@code read}, {@code topology}. */
@Component
@RequiredArgsConstructor
class BroadcastHandlers {

    private final MessageStore store;
    private final Gossiper gossiper;
    private final ClientReads reads;

    record Broadcast(long message) {
    }

    @MessageType("broadcast_ok")
    record BroadcastOk() {
    }

    record Read() {
    }

    @MessageType("read_ok")
    record ReadOk(ValuesJson.Snapshot messages) {
    }

    record Topology(Map<String, List<String>> topology) {
    }

    @MessageType("topology_ok")
    record TopologyOk() {
    }

    @MessageHandler("broadcast")
    BroadcastOk broadcast(Broadcast request) {
        gossiper.accept(request.message());
        reads.broadcast();
        return new BroadcastOk();
    }

    @MessageHandler("read")
    ReadOk read(Read request) {
        reads.read();
        return new ReadOk(store.toJson());
    }

    @MessageHandler("topology")
    TopologyOk topology(Topology request) {
        if (request.topology().values().stream().anyMatch(neighbours -> neighbours == null || neighbours.contains(null))) {
            throw new MaelstromException(ErrorCode.MALFORMED_REQUEST, "field 'topology': a node's neighbours must be a list of node ids");
        }
        // The overlay is the node's own (Dissemination): Maelstrom's suggestion is checked, then unused.
        return new TopologyOk();
    }
}
