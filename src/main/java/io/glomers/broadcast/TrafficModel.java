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

        /**
         * The share of the hub's flushes that have nothing for a given node: every value in them came in that
         * node's own batches. The hub sends a node only what it lacks, so in a small cluster a node misses the
         * flushes that carry its batch alone, and its loop idles until the next: rare, but a run's maximum is
         * made of rare moments (4 nodes at 177 ms, rate 584, simulated seed 2: a node missed 3-8 % of the
         * flushes, and the value after such a gap was the run's slowest, 600 ms). Arrivals at the hub are taken
         * as Poisson within a cycle: the other origins' batches, the hub's own clients' values
         * ({@code hubValuesPerSecond}) and the node's batches; 0 where no flush comes.
         */
        double skipped(int nodes, double hubValuesPerSecond) {
            if (hubFlushes <= 0) {
                return 0;
            }
            double own = originBatches / hubFlushes;
            double others = (Math.max(0, nodes - 2) * originBatches + hubValuesPerSecond) / hubFlushes;
            double any = 1 - Math.exp(-(own + others));
            return any <= 0 ? 0 : Math.exp(-others) * (1 - Math.exp(-own)) / any;
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
