package io.glomers.runtime;

import java.util.HashSet;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Component;

/**
 * How node code talks: fire-and-forget sends (gossip needs no reply: the next summary is the
 * acknowledgement, docs/dissemination.md) and replies to requests.
 */
@Slf4j
@Component
@RequiredArgsConstructor
public class Messenger {

    private static final Set<String> STARTUP_HANDSHAKES = Set.of("init", "topology");

    private final Outbox outbox;
    private final Cluster cluster;
    private final EventLoop loop;
    private final RuntimeProperties properties;

    /** Requests (sender, msg_id) EarlyStdin answered before the context was ready; touched only on the event loop. */
    private final Set<String> answered = new HashSet<>();

    /** Sends a body that expects no reply (no {@code msg_id}). */
    public void send(String dest, Object body) {
        outbox.send(cluster.self(), dest, body, null, null);
    }

    /**
     * Replies to a request; does nothing when the request carried no {@code msg_id} to reply to, when it was
     * answered at start-up ({@link #answeredAlready}), or when it came from a client so long ago that the
     * client has given up ({@code node.runtime.client-patience}): Maelstrom treats a reply to a client that
     * is gone as an error and stops reading the node's output for good. The request was handled all the
     * same (a broadcast's value is kept); to its client it stays indeterminate.
     */
    public void reply(Envelope request, Object body) {
        Long msgId = request.msgId();
        if (msgId == null) {
            return;
        }
        if (!answered.isEmpty() && answered.remove(request.src() + " " + msgId)) {
            if (body instanceof ErrorBody error) {
                log.warn("{} from {} (msg_id {}) was answered at start-up, but its handler answered {}",
                        request.type(), request.src(), msgId, error);
            }
            return;
        }
        long age = request.receivedAtMillis() == Envelope.UNKNOWN ? 0 : loop.currentTimeMillis() - request.receivedAtMillis();
        if (age > properties.clientPatience().toMillis() && fromClient(request)) {
            log.warn("Not answering {} from {} (msg_id {}): it came {} ms ago and its client has given up (Maelstrom"
                    + " refuses a late reply)", request.type(), request.src(), msgId, age);
            return;
        }
        outbox.send(request.dest(), request.src(), body, null, msgId);
    }

    /**
     * From a client, not a peer, and not one of Maelstrom's start-up handshakes, which wait longer and whose
     * deadlines {@link EarlyStdin} keeps.
     */
    private boolean fromClient(Envelope request) {
        return cluster.isInitialized() && !cluster.nodeIds().contains(request.src())
                && !STARTUP_HANDSHAKES.contains(request.type());
    }

    /** The next reply to this request is not sent: {@link EarlyStdin} answered it. Event loop only. */
    void answeredAlready(Envelope request) {
        if (request.msgId() != null) {
            answered.add(request.src() + " " + request.msgId());
        }
    }

}
