package io.glomers.bench.net;

import java.util.HashMap;
import java.util.Map;

/**
 * Every request a client has sent, so that a node's reply can be held against it: a reply must name
 * (by {@code in_reply_to}) a request of the client it is addressed to. Owned by the scheduler thread.
 */
public final class RequestLedger {

    public enum State { OUTSTANDING, ANSWERED, TIMED_OUT }

    /** A request as sent: its type, the node it went to, and what has become of it. */
    public static final class Request {
        private final String type;
        private final String node;
        private State state = State.OUTSTANDING;

        Request(String type, String node) {
            this.type = type;
            this.node = node;
        }

        public String type() {
            return type;
        }

        public String node() {
            return node;
        }

        public State state() {
            return state;
        }
    }

    private record Key(String client, long msgId) {
    }

    private final Map<Key, Request> requests = new HashMap<>();

    public void opened(String client, long msgId, String type, String node) {
        requests.put(new Key(client, msgId), new Request(type, node));
    }

    public Request find(String client, long msgId) {
        return requests.get(new Key(client, msgId));
    }

    public void answered(String client, long msgId) {
        settle(client, msgId, State.ANSWERED);
    }

    public void timedOut(String client, long msgId) {
        settle(client, msgId, State.TIMED_OUT);
    }

    private void settle(String client, long msgId, State state) {
        Request request = requests.get(new Key(client, msgId));
        if (request != null && request.state == State.OUTSTANDING) {
            request.state = state;
        }
    }
}
