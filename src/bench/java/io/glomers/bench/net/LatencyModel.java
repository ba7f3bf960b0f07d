package io.glomers.bench.net;

import java.time.Duration;
import java.util.Locale;
import java.util.Random;

/**
 * Delay of a server-to-server message, Maelstrom's {@code --latency} (the mean, in ms) and
 * {@code --latency-dist}: constant, uniform over the integers [0, 2 x mean) (Incanter's
 * {@code integer-distribution}), or exponential with that mean. Like Maelstrom's
 * {@code latency-for}, a draw is a whole number of milliseconds, rounded down.
 */
public record LatencyModel(Distribution distribution, long meanMillis) {

    public enum Distribution {
        CONSTANT, UNIFORM, EXPONENTIAL;

        public static Distribution parse(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    public Duration draw(Random random) {
        if (meanMillis == 0) {
            return Duration.ZERO;
        }
        long millis = switch (distribution) {
            case CONSTANT -> meanMillis;
            case UNIFORM -> (long) (random.nextDouble() * 2 * meanMillis);
            case EXPONENTIAL -> (long) (-meanMillis * Math.log(1 - random.nextDouble()));
        };
        return Duration.ofMillis(millis);
    }
}
