package io.glomers.broadcast;

import java.util.ArrayDeque;
import java.util.OptionalLong;

/**
 * The sends of reliable values to one peer that await confirmation, oldest first, each with its
 * values not yet confirmed. They tell which values a summary should already have covered.
 */
final class Flights {

    private final ArrayDeque<Flight> flights = new ArrayDeque<>();

    /** One send: when it left, and which of its values are still unconfirmed. */
    private record Flight(long sentAt, ValueSet values) {
    }

    /** Reliable values left now (nothing to keep when there are none). */
    void sent(long now, ValueSet values) {
        if (!values.isEmpty()) {
            flights.addLast(new Flight(now, values.copy()));
        }
    }

    /** A retransmission carries everything again; a restarted peer has nothing of it. */
    void clear() {
        flights.clear();
    }

    /**
     * Settles what the summary {@code have} confirms and returns the values it still lacks although
     * they were sent before {@code horizon}: presumed lost. Later sends may simply not have arrived
     * when the summary left.
     */
    ValueSet presumeLost(ValueSet have, long horizon) {
        ValueSet lost = new ValueSet();
        while (!flights.isEmpty()) {
            Flight oldest = flights.peekFirst();
            oldest.values().removeAll(have);
            if (oldest.values().isEmpty()) {
                flights.pollFirst();
            } else if (oldest.sentAt() < horizon) {
                lost.addAll(flights.pollFirst().values());
            } else {
                break;
            }
        }
        lost.removeAll(have);
        return lost;
    }

    /** When the oldest send with a value still unconfirmed left; none when no send awaits confirmation. */
    OptionalLong oldestSentAt() {
        return flights.isEmpty() ? OptionalLong.empty() : OptionalLong.of(flights.peekFirst().sentAt());
    }

    /** Oldest first, none empty. */
    boolean wellFormed() {
        long previous = Long.MIN_VALUE;
        for (Flight flight : flights) {
            if (flight.values().isEmpty() || flight.sentAt() < previous) {
                return false;
            }
            previous = flight.sentAt();
        }
        return true;
    }

    @Override
    public String toString() {
        return flights.toString();
    }
}
