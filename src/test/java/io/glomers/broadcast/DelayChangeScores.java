package io.glomers.broadcast;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * How the hub tells a network that changed from one that did not ({@link DelaySamples#sinceTheNetworkChanged}):
 * for records of 512 delays that do not change, the score of each record's best split (whatever its ratio) and
 * how many records would be cut; for records whose delays changed some way back, how many are. Fixed seeds:
 * the same table every time (docs/dissemination.md, "How it reacts to a change").
 *
 * <pre>java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.glomers.broadcast.DelayChangeScores</pre>
 */
public final class DelayChangeScores {

    private static final int RECORDS = 200;

    private DelayChangeScores() {
    }

    public static void main(String[] args) {
        SplittableRandom random = new SplittableRandom(2026);
        System.out.println("| unchanging record of 512 delays | best split's score: median | 99th percentile | max | records cut |");
        System.out.println("|---|---|---|---|---|");
        unchanging("exponential, 50 ms mean", random, r -> exponential(r, 50));
        unchanging("exponential, 200 ms mean", random, r -> exponential(r, 200));
        unchanging("uniform, 0-200 ms", random, r -> r.nextLong(0, 200));
        unchanging("steady, 100-102 ms", random, r -> 100 + r.nextLong(0, 3));
        System.out.println();
        System.out.println("| change (of 512 delays, the latest after it) | score: median | min | records cut |");
        System.out.println("|---|---|---|---|");
        changed("steady 100 to 300 ms, 64 after", random, 64, r -> 100 + r.nextLong(0, 3), r -> 300 + r.nextLong(0, 3));
        changed("uniform, mean 100 to 300 ms, 64 after", random, 64, r -> r.nextLong(0, 200), r -> r.nextLong(0, 600));
        changed("exponential, mean 50 to 150 ms, 64 after", random, 64, r -> exponential(r, 50), r -> exponential(r, 150));
        changed("exponential, mean 50 to 150 ms, 128 after", random, 128, r -> exponential(r, 50), r -> exponential(r, 150));
        changed("exponential, mean 150 to 50 ms, 64 after", random, 64, r -> exponential(r, 150), r -> exponential(r, 50));
    }

    private static void unchanging(String network, SplittableRandom random, ToLongFunction<SplittableRandom> delay) {
        double[] scores = new double[RECORDS];
        int cut = 0;
        for (int i = 0; i < RECORDS; i++) {
            long[] delays = record(DelaySamples.CAPACITY, () -> delay.applyAsLong(random));
            scores[i] = DelaySamples.bestSplit(delays, 0).score();
            cut += cuts(delays) ? 1 : 0;
        }
        Arrays.sort(scores);
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %d of %d |%n", network, scores[RECORDS / 2],
                scores[RECORDS * 99 / 100], scores[RECORDS - 1], cut, RECORDS);
    }

    private static void changed(String change, SplittableRandom random, int after, ToLongFunction<SplittableRandom> old,
            ToLongFunction<SplittableRandom> now) {
        double[] scores = new double[RECORDS];
        int cut = 0;
        for (int i = 0; i < RECORDS; i++) {
            long[] delays = new long[DelaySamples.CAPACITY];
            for (int j = 0; j < delays.length; j++) {
                delays[j] = (j < delays.length - after ? old : now).applyAsLong(random);
            }
            scores[i] = DelaySamples.bestSplit(delays, DelaySamples.CHANGE_RATIO).score();
            cut += cuts(delays) ? 1 : 0;
        }
        Arrays.sort(scores);
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %d of %d |%n", change, scores[RECORDS / 2], scores[0], cut, RECORDS);
    }

    private static boolean cuts(long[] delays) {
        return DelaySamples.bestSplit(delays, DelaySamples.CHANGE_RATIO).score() > DelaySamples.CHANGE_SCORE;
    }

    private static long[] record(int count, LongSupplier delay) {
        long[] delays = new long[count];
        for (int i = 0; i < count; i++) {
            delays[i] = delay.getAsLong();
        }
        return delays;
    }

    private static long exponential(SplittableRandom random, double mean) {
        return (long) (-mean * Math.log(1 - random.nextDouble()));
    }
}
