package io.glomers.broadcast;

import java.time.Duration;

/**
 * A link's retransmission deadline and its exponential backoff. The deadline is armed while
 * something awaits confirmation and cleared once nothing does ({@link #clear}); the timeout doubles
 * with every retransmission, up to a ceiling, and starts over on progress, when the peer confirms
 * something: it is reachable again.
 */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private long timeoutMillis;
    private long dueAt = PeerLink.NONE;

    Backoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.timeoutMillis = initialMillis;
    }

    boolean isArmed() {
        return dueAt != PeerLink.NONE;
    }

    /** When the retransmission is due; {@link PeerLink#NONE} when not armed. */
    long dueAt() {
        return dueAt;
    }

    boolean isDue(long now) {
        return now >= dueAt;
    }

    /**
     * A send left that awaits confirmation: a retransmission's deadline counts from now; a first
     * send's only when no earlier send armed it (what was sent earlier is due earlier).
     */
    void sent(long now, boolean retransmission) {
        if (retransmission || !isArmed()) {
            dueAt = now + timeoutMillis;
        }
    }

    /** Everything unconfirmed was sent again: wait twice as long (up to the ceiling) from now. */
    void retransmitted() {
        timeoutMillis = Math.min(timeoutMillis * 2, maxMillis);
    }

    /**
     * The peer confirmed something: the next backoff starts over. The deadline itself stays: what
     * is still unconfirmed was sent when it was sent.
     */
    void progress() {
        timeoutMillis = initialMillis;
    }

    /** Nothing awaits confirmation any more. */
    void clear() {
        dueAt = PeerLink.NONE;
    }
}
