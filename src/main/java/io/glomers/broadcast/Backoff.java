package io.glomers.broadcast;

import java.time.Duration;
import java.util.OptionalLong;

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
    private final Deadline due = new Deadline();

    Backoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.timeoutMillis = initialMillis;
    }

    boolean isArmed() {
        return due.isArmed();
    }

    /** When the retransmission is due; only while armed. */
    long dueAt() {
        return due.at();
    }

    /** Armed and due: never while nothing awaits confirmation. */
    boolean isDue(long now) {
        return due.isDue(now);
    }

    /**
     * A send left that awaits confirmation. A retransmission (everything unconfirmed, sent again)
     * waits twice as long as the last, up to the ceiling, from now; a first send arms the deadline
     * only when no earlier send did (what was sent earlier is due earlier).
     */
    void sent(long now, boolean retransmission) {
        if (retransmission) {
            timeoutMillis = Math.min(timeoutMillis * 2, maxMillis);
        }
        if (retransmission) {
            due.arm(now + timeoutMillis);
        } else {
            due.armUnlessArmed(now + timeoutMillis);
        }
    }

    /**
     * The peer confirmed something: the next backoff starts over, and the deadline follows the oldest
     * send still unconfirmed ({@code oldestSentAt}, none when unknown), as TCP restarts its timer when new
     * data is acknowledged. Otherwise a peer that confirms a steady stream never empties the flight, and
     * the deadline of its first send would come round every timeout and send again what is on its way.
     * A deadline already passed stays: what is overdue is not postponed.
     */
    void progress(long now, OptionalLong oldestSentAt) {
        timeoutMillis = initialMillis;
        if (due.isArmed() && !due.isDue(now) && oldestSentAt.isPresent()) {
            due.arm(Math.max(due.at(), oldestSentAt.getAsLong() + initialMillis));
        }
    }

    /** Nothing awaits confirmation any more. */
    void clear() {
        due.disarm();
    }
}
