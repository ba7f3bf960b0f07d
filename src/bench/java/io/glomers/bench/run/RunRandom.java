package io.glomers.bench.run;

import java.util.Random;

/** A run's one random source, drawn from its seed: latency, requests, partitions, network faults. */
final class RunRandom {

    private RunRandom() {
    }

    static Random of(long seed) {
        return new Random(scrambled(seed));
    }

    /**
     * The seed through SplitMix64's finaliser: {@code java.util.Random} seeded with 1, 2, 3, ...
     * gives nearly the same first draws (its first outputs depend on high bits that consecutive
     * seeds barely change), so a swarm of consecutive seeds would start every nemesis at the same
     * moment.
     */
    private static long scrambled(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
