package io.glomers.frontier;

import java.util.ArrayList;
import java.util.List;

/**
 * One node configuration of a sweep: a label and the node properties ({@code name=value}) that make
 * it. The frontier sweep and the adaptive sweep build their fixed settings here, so both mean the
 * same thing by "star 250 ms".
 */
public record Setting(String label, List<String> properties) {

    public Setting {
        properties = List.copyOf(properties);
    }

    /** One hop from the origin to every peer; the origin collects for {@code lingerMillis} first. */
    public static Setting direct(long lingerMillis) {
        String label = "direct" + (lingerMillis > 0 ? " linger " + lingerMillis + " ms" : "");
        List<String> properties = new ArrayList<>(List.of("broadcast.strategy=direct",
                "broadcast.origin.linger=" + lingerMillis + "ms"));
        properties.addAll(timers(lingerMillis));
        return new Setting(label, properties);
    }

    /**
     * Two hops through the hub, which sends at most every {@code hubMillis}; origins collect for
     * {@code originLingerMillis} before they send to it. Labelled {@code star N/L ms} (L left out when 0).
     */
    public static Setting star(long hubMillis, long originLingerMillis) {
        String label = "star " + hubMillis + (originLingerMillis > 0 ? "/" + originLingerMillis : "") + " ms";
        List<String> properties = new ArrayList<>(List.of("broadcast.strategy=star",
                "broadcast.relay.min-interval=" + hubMillis + "ms",
                "broadcast.origin.linger=" + originLingerMillis + "ms"));
        properties.addAll(timers(hubMillis));
        return new Setting(label, properties);
    }

    /**
     * The self-tuning node given {@code objective}; the default objective is the node's own default,
     * so it passes nothing but the strategy, as a user who sets no property gets it.
     */
    public static Setting adaptive(Objective objective) {
        List<String> properties = new ArrayList<>(List.of("broadcast.strategy=adaptive"));
        if (!objective.equals(Objective.DEFAULT)) {
            properties.add("broadcast.objective.median=" + objective.medianMillis() + "ms");
            properties.add("broadcast.objective.max=" + objective.maxMillis() + "ms");
        }
        return new Setting("adaptive", properties);
    }

    public Setting labelled(String newLabel) {
        return new Setting(newLabel, properties);
    }

    /**
     * Longer batching wants longer acknowledgement windows, or bare acks dominate. Up to 500 ms of
     * batching these are the node's defaults (ack delay 1 s, retransmission 2-3 s, repair grace 1.5 s).
     */
    private static List<String> timers(long batchMillis) {
        long ackDelay = Math.max(1000, 2 * batchMillis);
        return List.of("broadcast.ack-delay=" + ackDelay + "ms",
                "broadcast.retransmit-timeout=" + (ackDelay + 1000) + "ms",
                "broadcast.max-retransmit-timeout=" + (ackDelay + 2000) + "ms",
                "broadcast.repair-grace=" + (ackDelay + 500) + "ms");
    }
}
