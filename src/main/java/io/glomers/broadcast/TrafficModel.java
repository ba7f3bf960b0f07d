package io.glomers.broadcast;

/**
 * How many messages per second a plan costs the cluster, from the rate of new values and the
 * batching rules ({@link FlushSchedule}): an origin sends a batch a linger after its first pending
 * value; the hub flushes at most once per interval, and at once when it has been quiet longer.
 * Values are taken to arrive as a Poisson stream spread evenly over the nodes. Acknowledgements ride
 * on traffic a node sends anyway; a bare one is counted where a node hears more often than it
 * speaks, at most once per ack delay.
 */
record TrafficModel(double ackDelaySeconds) {

    double messagesPerSecond(Plan plan, Conditions conditions) {
        Rates rates = rates(plan, conditions);
        int n = conditions.nodes();
        double origins = plan.shape().fansOut() ? n * rates.originBatches() * (n - 1)
                : (n - 1) * rates.originBatches() * plan.shape().hubCopies();
        // A non-hub node owes an acknowledgement for what it hears, and it rides on what it sends anyway.
        double bareAcks = (n - 1) * Math.max(0, Math.min(rates.heard(), 1 / ackDelaySeconds) - rates.originBatches());
        return origins + (n - 1) * rates.hubFlushes() + bareAcks;
    }

    /**
     * Batches per second of one origin and of the hub, the messages per second a node other than
     * the hub hears (the hub's batches, and the origins' own where they fan out), and those the hub
     * hears: every other node's batches, each copy of them. Under {@code direct} "the hub" is any one
     * node, and it hears what the others do.
     */
    record Rates(double originBatches, double hubFlushes, double heard, double hubHears) {

        /** What a node hears from origins, not from the hub. */
        double fromOrigins() {
            return heard - hubFlushes;
        }
    }

    static Rates rates(Plan plan, Conditions conditions) {
        int n = conditions.nodes();
        if (n < 2 || conditions.valuesPerSecond() <= 0) {
            return new Rates(0, 0, 0, 0);
        }
        double perOrigin = conditions.valuesPerSecond() / n;
        double originBatches = 1 / (plan.linger() / 1000.0 + 1 / perOrigin);
        double hubFlushes = plan.shape().relays() ? flushes(plan.interval() / 1000.0, conditions.valuesPerSecond()) : 0;
        // Under a shape that relays, the hub's own values come with its batches, not as an origin's.
        int fanningOrigins = plan.shape().relays() ? n - 2 : n - 1;
        double heard = hubFlushes + (plan.shape().fansOut() ? fanningOrigins * originBatches : 0);
        return new Rates(originBatches, hubFlushes, heard, (n - 1) * originBatches * plan.shape().hubCopies());
    }

    /**
     * Flushes per second of a node that flushes no sooner than {@code interval} after the previous one
     * and at once when something arrives later than that: each cycle lasts the interval, or until the
     * first arrival after it when none came within it.
     */
    static double flushes(double interval, double arrivalsPerSecond) {
        return 1 / (interval + Math.exp(-arrivalsPerSecond * interval) / arrivalsPerSecond);
    }
}
