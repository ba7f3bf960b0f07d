package io.glomers.broadcast;

import io.glomers.runtime.EventLoop;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * When the node's batched values leave. Batching is per node, not per link, so that a hub's
 * fan-out leaves in one tick for every peer: no sooner than the linger after the first queued value
 * (to collect more) and no sooner than the minimum interval after the previous flush. Handlers and
 * timers only {@link #want} a flush; each entry point ends with one {@link #decide}, so whatever one
 * event queued leaves in one message per peer. Event loop only.
 */
final class FlushSchedule {

    /** When an entry point's queued values may leave, if batching lets them leave now. */
    enum Timing {
        /** At once, inside the entry point: a broadcast's value is on the network before its reply. */
        NOW_IF_DUE,
        /** From the loop, after the messages already waiting in the inbox: a burst of gossip makes one flush. */
        FROM_THE_LOOP
    }

    private final EventLoop loop;
    /** Read at each decision: the adaptive overlay changes its batching as it goes. */
    private final Supplier<BroadcastProperties.Batching> batching;
    private final Runnable flush;
    /** Whether values are left that the last flush could not fit into one message per peer. */
    private final BooleanSupplier leftOver;

    private EventLoop.Cancellable timer;
    /** When {@link #timer} fires. */
    private long timerDue;
    /** No flush before this: the minimum interval after the previous one (not armed before the first). */
    private final Deadline quietUntil = new Deadline();
    private boolean wanted;
    /** What was queued must not wait out the linger (it has waited elsewhere already). */
    private boolean skipLingerWanted;
    /** What was queued must not wait out the minimum interval either ({@link #hurry}). */
    private boolean hurryWanted;

    /**
     * @param flush    sends every peer what it is owed; calls {@link #flushing} first
     * @param leftOver whether values are left that did not fit into one message per peer ({@link #remainder})
     */
    FlushSchedule(EventLoop loop, Supplier<BroadcastProperties.Batching> batching, Runnable flush, BooleanSupplier leftOver) {
        this.loop = loop;
        this.batching = batching;
        this.flush = flush;
        this.leftOver = leftOver;
    }

    /** Values were queued: the entry point under way ends with a flush decision. */
    void want() {
        want(false);
    }

    /**
     * Values were queued; with {@code skipLinger} they must not wait out the linger, only the minimum
     * interval, and a flush already planned for later is brought forward.
     */
    void want(boolean skipLinger) {
        wanted = true;
        skipLingerWanted |= skipLinger;
    }

    /**
     * What the entry point under way queued, if anything, leaves at once: neither the linger nor the
     * minimum interval holds it back, and a flush planned for later is brought forward. For values that
     * took a hop far longer than usual (the adaptive hub's late gossip, {@link Dissemination#hurries}):
     * waiting for the batch on top of that hop is what makes a run's slowest value.
     */
    void hurry() {
        hurryWanted = true;
    }

    /** The one flush decision an entry point ends with: now, from the loop, or when batching allows. */
    void decide(Timing timing) {
        boolean hurry = hurryWanted;
        boolean skipLinger = skipLingerWanted || hurry;
        hurryWanted = false;
        skipLingerWanted = false;
        if (!wanted) {
            return;
        }
        wanted = false;
        long now = loop.currentTimeMillis();
        long due = now + (skipLinger ? 0 : batching.get().linger().toMillis());
        if (quietUntil.isArmed() && !hurry) {
            due = Math.max(due, quietUntil.at());
        }
        if (timer != null) {
            if (!skipLinger || due >= timerDue) {
                return;
            }
            timer.cancel();
            timer = null;
        }
        if (due <= now && timing == Timing.NOW_IF_DUE) {
            flush.run();
        } else {
            timerDue = Math.max(now, due);
            timer = loop.schedule(Duration.ofMillis(timerDue - now), flush);
        }
        assert decided();
    }

    /**
     * The rule of every entry point, checked under {@code -ea} as it ends: nothing queued is left
     * without a flush decision.
     */
    boolean decided() {
        if (wanted) {
            throw new AssertionError("an entry point ended with values queued and no flush decision");
        }
        return true;
    }

    /** A flush is under way now. */
    void flushing() {
        timer = null;
        quietUntil.arm(loop.currentTimeMillis() + batching.get().minInterval().toMillis());
    }

    /**
     * After a flush or a retransmission: values left that did not fit into one message
     * (broadcast.limits.max-values-per-gossip) go with the next flush, as soon as the batching interval
     * allows; through the loop, so that a refill of many messages does not recurse.
     */
    void remainder() {
        if (timer != null || !leftOver.getAsBoolean()) {
            return;
        }
        long now = loop.currentTimeMillis();
        // A retransmission can leave a remainder before the node's first flush: then nothing holds it back.
        timerDue = quietUntil.isArmed() ? Math.max(now, quietUntil.at()) : now;
        timer = loop.schedule(Duration.ofMillis(timerDue - now), flush);
    }
}
