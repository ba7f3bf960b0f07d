package io.glomers.broadcast;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Records of one-way delays, as the hub keeps them (512 of them), for the planner's and the model's tests. */
final class Delays {

    private Delays() {
    }

    static long[] constant(long millis) {
        long[] delays = new long[512];
        Arrays.fill(delays, millis);
        return delays;
    }

    /** Draws of an exponential distribution with this mean, always the same ones. */
    static long[] exponential(double mean) {
        return exponential(mean, 7);
    }

    /** Draws of an exponential distribution with this mean, the same ones for the same seed. */
    static long[] exponential(double mean, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] delays = new long[512];
        for (int i = 0; i < delays.length; i++) {
            delays[i] = Math.round(-mean * Math.log(1 - random.nextDouble()));
        }
        return delays;
    }

    /** Draws of a uniform distribution from 0 to {@code top}, the same ones for the same seed. */
    static long[] uniform(long top, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] delays = new long[512];
        for (int i = 0; i < delays.length; i++) {
            delays[i] = Math.round(random.nextDouble() * top);
        }
        return delays;
    }
}
