package io.glomers.bench.net;

import java.time.Duration;
import java.util.Locale;
import java.util.Random;

/**
 * Delay of a server-to-server message, Maelstrom's {@code --latency} (the mean, in ms) and
 * {@code --latency-dist}: constant, uniform on [0, 2 x mean), or exponential with that mean.
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
        double millis = switch (distribution) {
            case CONSTANT -> meanMillis;
            case UNIFORM -> random.nextDouble() * 2 * meanMillis;
            case EXPONENTIAL -> -meanMillis * Math.log(1 - random.nextDouble());
        };
        return Duration.ofNanos((long) (millis * 1_000_000));
    }
}
