package io.glomers.broadcast;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import org.roaringbitmap.longlong.LongIterator;
import org.roaringbitmap.longlong.Roaring64Bitmap;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * Memory and speed of candidate value sets side by side (issue 12): the hand-made bit set + sorted
 * set the node had before ({@link BitSetValueSet}), RoaringBitmap's two 64-bit sets raw, and the
 * node's {@link ValueSet}. Cases: a million dense values, a million sparse ones spread over the
 * whole {@code long} range, and summaries with many ranges (built from 10,000 short ranges, and
 * written out from a set of 500,000 ranges). Memory is heap in use after GC; allocation is what the
 * thread allocated. Prints figures (docs/benchmarks.md); not a test.
 *
 * <pre>java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.glomers.broadcast.ValueSetBenchmark</pre>
 */
public final class ValueSetBenchmark {

    private static final int N = 1_000_000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** What the benchmark needs of a set. */
    interface Candidate {
        void add(long value);

        void addRange(long first, long last);

        long[] toArray();

        int rangeCount();
    }

    private ValueSetBenchmark() {
    }

    public static void main(String[] args) {
        long[] dense = new long[N];
        long[] sparse = new long[N];
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < N; i++) {
            dense[i] = i;
            sparse[i] = random.nextLong();
        }
        List<String> names = List.of("BitSetValueSet (before)", "Roaring64Bitmap", "Roaring64NavigableMap signed", "ValueSet (now)");
        for (int round = 0; round < 2; round++) {
            System.out.println(round == 0 ? "# warm-up round" : "# measured round");
            System.out.printf("%-30s %-26s %10s %10s %10s %10s%n", "set", "case", "build ms", "heap MB", "toArray ms", "ranges ms");
            for (String name : names) {
                measure(name, "1M dense 0..999,999", dense);
                measure(name, "1M sparse, whole long range", sparse);
                manyRanges(name);
            }
        }
    }

    private static void measure(String name, String label, long[] values) {
        long before = heap();
        long start = System.nanoTime();
        Candidate set = create(name);
        for (long value : values) {
            set.add(value);
        }
        long built = System.nanoTime() - start;
        long memory = heap() - before;
        start = System.nanoTime();
        int length = set.toArray().length;
        long array = System.nanoTime() - start;
        start = System.nanoTime();
        int ranges = set.rangeCount();
        long summary = System.nanoTime() - start;
        System.out.printf("%-30s %-26s %10d %10.1f %10d %10d   (%,d values, %,d ranges)%n", name, label, built / 1_000_000,
                memory / 1e6, array / 1_000_000, summary / 1_000_000, length, ranges);
    }

    /** A peer's summary of 10,000 two-value ranges taken in, and a store of 500,000 ranges summarised. */
    private static void manyRanges(String name) {
        long thread = Thread.currentThread().getId();
        long allocated = THREADS.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        Candidate summary = create(name);
        for (long i = 0; i < 10_000; i++) {
            summary.addRange(3 * i, 3 * i + 1);
        }
        long took = System.nanoTime() - start;
        allocated = THREADS.getThreadAllocatedBytes(thread) - allocated;
        Candidate fragmented = create(name);
        for (long v = 0; v < N; v += 2) {
            fragmented.add(v);
        }
        start = System.nanoTime();
        int ranges = fragmented.rangeCount();
        long out = System.nanoTime() - start;
        System.out.printf("%-30s %-26s %10d %10s %10s %10d   (10,000 ranges in: %,d MB allocated; %,d ranges out)%n", name,
                "summaries, many ranges", took / 1_000_000, "", "", out / 1_000_000, allocated >> 20, ranges);
    }

    private static Candidate create(String name) {
        return switch (name) {
            case "BitSetValueSet (before)" -> new Candidate() {
                private final BitSetValueSet set = new BitSetValueSet();

                public void add(long value) {
                    set.add(value);
                }

                public void addRange(long first, long last) {
                    set.addAll(BitSetValueSet.fromRanges(new long[][] {{first, last}}));
                }

                public long[] toArray() {
                    return set.toArray();
                }

                public int rangeCount() {
                    return set.toRanges().length;
                }
            };
            case "Roaring64Bitmap" -> new Candidate() {
                private final Roaring64Bitmap set = new Roaring64Bitmap();

                public void add(long value) {
                    set.addLong(value ^ Long.MIN_VALUE);
                }

                public void addRange(long first, long last) {
                    set.addRange(first ^ Long.MIN_VALUE, (last ^ Long.MIN_VALUE) + 1);
                }

                public long[] toArray() {
                    return set.toArray();
                }

                public int rangeCount() {
                    return countRuns(set.getLongIterator());
                }
            };
            case "Roaring64NavigableMap signed" -> new Candidate() {
                private final Roaring64NavigableMap set = new Roaring64NavigableMap(true);

                public void add(long value) {
                    set.addLong(value);
                }

                public void addRange(long first, long last) {
                    set.addRange(first, last + 1);
                }

                public long[] toArray() {
                    return set.toArray();
                }

                public int rangeCount() {
                    return countRuns(set.getLongIterator());
                }
            };
            default -> new Candidate() {
                private ValueSet set = new ValueSet();

                public void add(long value) {
                    set.add(value);
                }

                public void addRange(long first, long last) {
                    set.addAll(ValueSet.fromRanges(new long[][] {{first, last}}, 1, Long.MAX_VALUE));
                }

                public long[] toArray() {
                    return set.toArray();
                }

                public int rangeCount() {
                    return set.toRanges().length;
                }
            };
        };
    }

    private static int countRuns(LongIterator it) {
        int runs = 0;
        long previous = 0;
        boolean first = true;
        while (it.hasNext()) {
            long value = it.next();
            if (first || value != previous + 1) {
                runs++;
            }
            previous = value;
            first = false;
        }
        return runs;
    }

    private static long heap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
