package io.glomers.broadcast;

import io.glomers.runtime.EventLoop;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * What this node knows about one peer and owes it, and the rules that keep it straight.
 * Acknowledgement is by summary: every message from the peer says what it has, which settles
 * everything owed to it up to then. The link's rules:
 * <ul>
 *   <li>in-flight values are owed values: a value leaves the debt only when the peer confirms it;
 *   <li>the retransmission deadline is armed exactly while something awaits confirmation
 *       ({@link Backoff}: doubles on retransmission, starts over on progress, clears when settled);
 *   <li>the link's one timer and the time it is due are set together ({@link LinkTimer}).
 * </ul>
 * Each entry point below is something that happens to the link; under {@code -ea} (tests, the
 * simulator) each one ends by checking the rules. What to send when, and to whom, is the
 * {@link Gossiper}'s policy.
 */
final class PeerLink {

    static final long UNKNOWN_EPOCH = 0;

    private final String peer;
    private final Backoff backoff;

    /** The peer's process incarnation, as last seen; a new one means it lost its memory. */
    private long epoch = UNKNOWN_EPOCH;
    /** What the peer said it has, in its latest message. */
    private ValueSet confirmed = new ValueSet();
    /** When that message arrived; empty before the first. */
    private OptionalLong confirmedAt = OptionalLong.empty();
    /** Values this node must get to the peer and has not seen confirmed. */
    private final ValueSet owed = new ValueSet();
    /**
     * Values to send once, unconfirmed: the peer has a repairer that fills any gap, so no
     * acknowledgement is needed from it (direct overlay: origin to a non-hub peer).
     */
    private final ValueSet bestEffort = new ValueSet();
    /** The part of {@link #owed} already sent, waiting for confirmation. */
    private final ValueSet inFlight = new ValueSet();
    /** The sends behind {@link #inFlight}. */
    private final Flights flights = new Flights();
    /** The peer must learn this node's epoch (it restarted, or the peer has not heard of it). */
    private boolean greetingPending;
    /** When the acknowledgement the peer is owed must leave at the latest; not armed when none is owed. */
    private final Deadline ackDue = new Deadline();
    private final LinkTimer timer = new LinkTimer();

    PeerLink(String peer, Backoff backoff) {
        this.peer = peer;
        this.backoff = backoff;
    }

    /** What a message to the peer would carry now: reliable values, and whether it retransmits. */
    record Due(ValueSet reliable, boolean retransmission) {
    }

    String peer() {
        return peer;
    }

    long epoch() {
        return epoch;
    }

    /** The peer's latest summary. The link's own: read it, never change it. */
    ValueSet confirmed() {
        return confirmed;
    }

    /** When the peer's latest summary arrived; empty while it has sent none. */
    OptionalLong confirmedAt() {
        return confirmedAt;
    }

    boolean hasNews() {
        return !bestEffort.isEmpty() || hasFresh();
    }

    /** Some owed values were never sent (or were presumed lost). */
    boolean hasFresh() {
        return !fresh().isEmpty();
    }

    boolean awaitsConfirmation() {
        return !inFlight.isEmpty() || greetingPending;
    }

    boolean ackDue(long now) {
        return ackDue.isDue(now);
    }

    /**
     * This node (re)started: the peer must learn its epoch, and confirm it. Records the greeting's
     * send and returns what it carries.
     */
    long[] greet(int cap, long now) {
        greetingPending = true;
        return send(new Due(new ValueSet(), false), cap, now);
    }

    /** The peer confirmed this node's epoch. */
    void greeted() {
        greetingPending = false;
        settle();
        assert rulesHold();
    }

    /** The peer came back with another epoch: what it had, and what was sent to it, is gone. */
    void peerRestarted(long newEpoch) {
        epoch = newEpoch;
        inFlight.clear();
        flights.clear();
        settle();
        assert rulesHold();
    }

    /**
     * The peer's summary arrived: everything in it is settled. Returns the values presumed lost
     * (sent before {@code lossHorizon}, yet still lacking: dropped by a partition), which count as
     * not sent and leave with the next send instead of waiting for the deadline, as TCP's SACK does.
     */
    ValueSet confirm(ValueSet have, long now, long lossHorizon) {
        confirmed = have;
        confirmedAt = OptionalLong.of(now);
        long inFlightBefore = inFlight.size();
        owed.removeAll(have);
        inFlight.removeAll(have);
        ValueSet lost = flights.presumeLost(have, lossHorizon);
        inFlight.removeAll(lost);
        if (inFlight.size() < inFlightBefore) {
            backoff.progress(now, flights.oldestSentAt());
        }
        settle();
        assert rulesHold();
        return lost;
    }

    /**
     * A value this node has should reach the peer: reliably (owed until confirmed) or once, best
     * effort. False when the peer already has it or it is already queued.
     */
    boolean offer(long value, boolean reliable) {
        boolean queued = !confirmed.contains(value) && (reliable ? owed : bestEffort).add(value);
        assert rulesHold();
        return queued;
    }

    /** The peer lacks these values: owe them. Returns those it was not owed already. */
    ValueSet owe(ValueSet values) {
        ValueSet added = values.minus(owed);
        owed.addAll(added);
        assert rulesHold();
        return added;
    }

    /** The peer sent something that wants an acknowledgement, by {@code dueAt} at the latest. */
    void oweAck(long dueAt) {
        ackDue.armBy(dueAt);
    }

    /**
     * What a message would carry now: the owed values not sent yet and, once the retransmission
     * deadline has passed, everything still unconfirmed.
     */
    Due due(long now) {
        boolean retransmission = awaitsConfirmation() && backoff.isDue(now);
        ValueSet reliable = fresh();
        if (retransmission) {
            reliable.addAll(inFlight);
        }
        return new Due(reliable, retransmission);
    }

    /**
     * A message leaves now with {@code due}'s reliable values (at most {@code cap}; the rest stays
     * owed or in flight and leaves with a later message) and the best-effort values that fit. It
     * carries an acknowledgement too. Returns the values it carries.
     */
    long[] send(Due due, int cap, long now) {
        ValueSet reliable = due.reliable().size() > cap ? due.reliable().first(cap) : due.reliable();
        ValueSet payload = reliable.copy();
        ValueSet effort = bestEffort.size() <= cap - payload.size() ? bestEffort.copy()
                : bestEffort.first((int) (cap - payload.size()));
        payload.addAll(effort);
        bestEffort.removeAll(effort);
        if (due.retransmission()) {
            flights.clear();
        }
        flights.sent(now, reliable);
        inFlight.addAll(reliable);
        ackDue.disarm();
        // A retransmission awaits confirmation by definition (due() offers one only then).
        if (awaitsConfirmation()) {
            backoff.sent(now, due.retransmission());
        }
        assert rulesHold();
        return payload.toArray();
    }

    /** The link's timer went off. */
    void timerFired() {
        timer.fired();
    }

    /** Sets the link's timer for its next deadline, retransmission or acknowledgement ({@link LinkTimer#setFor}). */
    void rearm(long now, LongFunction<EventLoop.Cancellable> start) {
        timer.setFor(nextDeadline(), now, start);
    }

    private Deadline nextDeadline() {
        Deadline next = new Deadline();
        if (awaitsConfirmation()) {
            next.arm(backoff.dueAt());
        }
        next.armEarlier(ackDue);
        return next;
    }

    /** Owed values not sent yet. */
    private ValueSet fresh() {
        return owed.minus(inFlight);
    }

    private void settle() {
        if (!awaitsConfirmation()) {
            backoff.clear();
        }
    }

    /** The link's rules; checked after each entry point under {@code -ea}. */
    boolean rulesHold() {
        if (!inFlight.minus(owed).isEmpty()) {
            throw new AssertionError(peer + ": in-flight values that are not owed: " + inFlight.minus(owed));
        }
        if (awaitsConfirmation() != backoff.isArmed()) {
            throw new AssertionError(peer + ": awaits confirmation, or not, without the deadline to match");
        }
        if (!flights.wellFormed()) {
            throw new AssertionError(peer + ": flights out of order or empty: " + flights);
        }
        return true;
    }
}
