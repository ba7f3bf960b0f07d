package io.glomers.broadcast;

/**
 * The hub's batching interval while origins change over to a new plan. A plan whose longer interval
 * counts on origins sending more (a second copy to the hub, or a copy to every node as well) would
 * hold an origin's values that left by the old plan, on their slower path, for the longer interval
 * too; until every origin has heard the plan and sent by it (the hub's next flush, a hop out, the
 * linger, a hop back), the hub keeps the shorter interval. Real Maelstrom, 30 nodes at 60 ms
 * exponential: a value whose one copy took 406 ms to the hub, which had just lengthened its
 * interval from 250 to 380 ms for two copies, waited 382 ms there and made the run's maximum.
 */
final class ChangeOver {

    private long interval;
    private long until = Long.MIN_VALUE;

    /** The hub turned from {@code previous} to {@code next} at {@code now}; a slow hop takes {@code slowHop} ms. */
    void changed(Plan previous, Plan next, long now, long slowHop) {
        boolean originsSendMore = next.shape().hubCopies() > previous.shape().hubCopies()
                || next.shape().fansOut() && !previous.shape().fansOut();
        if (previous.shape().relays() && originsSendMore && next.interval() > previous.interval()) {
            interval = previous.interval();
            until = now + previous.interval() + 2 * slowHop + next.linger();
        }
    }

    /** The interval the hub batches by under {@code plan} at {@code now}. */
    long interval(Plan plan, long now) {
        return now < until ? Math.min(interval, plan.interval()) : plan.interval();
    }
}
