package io.glomers.broadcast;

import io.glomers.runtime.EventLoop;
import java.util.ArrayDeque;

/**
 * What this node knows about one peer and owes it. Acknowledgement is by summary: every message
 * from the peer says what it has, which settles everything owed to it up to then.
 */
final class PeerLink {

    static final long NONE = Long.MIN_VALUE;
    static final long UNKNOWN_EPOCH = 0;

    final String peer;

    /** The peer's process incarnation, as last seen; a new one means it lost its memory. */
    long epoch = UNKNOWN_EPOCH;
    /** What the peer said it has, in its latest message. */
    ValueSet confirmed = new ValueSet();
    /** When that message arrived. */
    long confirmedAt = NONE;
    /** Values this node must get to the peer and has not seen confirmed. */
    final ValueSet owed = new ValueSet();
    /**
     * Values to send once, unconfirmed: the peer has a repairer that fills any gap, so no
     * acknowledgement is needed from it (direct overlay: origin to a non-hub peer).
     */
    final ValueSet bestEffort = new ValueSet();
    /** The part of {@link #owed} already sent, waiting for confirmation. */
    final ValueSet inFlight = new ValueSet();
    /** The sends behind {@link #inFlight}, oldest first, each with its values not yet confirmed. */
    final ArrayDeque<Flight> flights = new ArrayDeque<>();
    /** The peer must learn this node's epoch (it restarted, or the peer has not heard of it). */
    boolean greetingPending;
    /** The peer sent something this node has not acknowledged yet. */
    boolean ackOwed;

    long lastSendAt = NONE;
    long retransmitAt = NONE;
    long ackDueAt = NONE;
    long retransmitTimeoutMillis;

    long timerDueAt = NONE;
    EventLoop.Cancellable timer;

    PeerLink(String peer, long retransmitTimeoutMillis) {
        this.peer = peer;
        this.retransmitTimeoutMillis = retransmitTimeoutMillis;
    }

    /** Owed values not sent yet. */
    ValueSet fresh() {
        return owed.minus(inFlight);
    }

    boolean hasNews() {
        return !bestEffort.isEmpty() || !fresh().isEmpty();
    }

    boolean awaitsConfirmation() {
        return !inFlight.isEmpty() || greetingPending;
    }

    /** One send of reliable values: when it left, and which of its values are still unconfirmed. */
    record Flight(long sentAt, ValueSet values) {
    }
}
