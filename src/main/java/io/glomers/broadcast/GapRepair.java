package io.glomers.broadcast;

import io.glomers.runtime.EventLoop;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Finds what a peer this node repairs lacks and will not get otherwise, and keeps the timer that
 * looks for it: a peer may fall silent with gaps (its sends were dropped by a partition and nobody
 * has news for it), so gaps are looked for on a timer too, not only when the peer talks. The timer
 * runs while some such peer has not confirmed everything. Only a node whose overlay fills gaps
 * ({@link Dissemination#fillsGaps()}) has one. Event loop only.
 */
final class GapRepair {

    private final MessageStore store;
    private final BroadcastProperties properties;
    private final EventLoop loop;
    private final Runnable check;
    private final RecentArrivals recent;
    private EventLoop.Cancellable timer;

    /** @param check the repair check, run a quarter grace after a value arrives or a check left gaps */
    GapRepair(MessageStore store, BroadcastProperties properties, EventLoop loop, Runnable check) {
        this.store = store;
        this.properties = properties;
        this.loop = loop;
        this.check = check;
        this.recent = new RecentArrivals(properties.repairGrace().toMillis());
    }

    /** A value reached this node. */
    void arrived(long value) {
        recent.add(loop.currentTimeMillis(), value);
        arm();
    }

    /** The repair check ran; {@code unsettled}: some peer still lacks something. */
    void checked(boolean unsettled) {
        timer = null;
        if (unsettled) {
            arm();
        }
    }

    /**
     * What the peer lacks and will not get otherwise: values that reached this node before the
     * peer's latest summary ({@code have}) left by more than the loss-detection window (it would
     * have them, had their first copy arrived), or, when the peer has been silent, longer ago than
     * the repair grace (a delivery or acknowledgement still on its way would have come by then).
     */
    ValueSet gaps(PeerLink link, ValueSet have) {
        long now = loop.currentTimeMillis();
        OptionalLong confirmedAt = link.confirmedAt();
        long evidence = confirmedAt.isEmpty() ? Long.MIN_VALUE
                : confirmedAt.getAsLong() - properties.lossDetection().toMillis();
        long horizon = Math.max(now - properties.repairGrace().toMillis(), evidence);
        ValueSet gaps = store.minus(have);
        recent.removeArrivedSince(gaps, horizon, now);
        return gaps;
    }

    private void arm() {
        if (timer == null) {
            // A quarter of the grace: a gap is filled at most a quarter grace after it counts as one.
            timer = loop.schedule(properties.repairGrace().dividedBy(4), check);
        }
    }
}
