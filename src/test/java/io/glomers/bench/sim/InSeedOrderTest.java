package io.glomers.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Runs go on several threads; their results come back in seed order, on the caller's thread. */
class InSeedOrderTest {

    @Test
    void aLaterSeedMayFinishFirstButItsResultWaitsForTheEarlierOnes() throws IOException {
        CountDownLatch secondDone = new CountDownLatch(1);
        List<String> seen = new ArrayList<>();
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        InSeedOrder.run(5, 10, 2, seed -> {
            workers.add(Thread.currentThread());
            if (seed == 10) {
                awaitWithin10s(secondDone, "seed 11 never ran beside seed 10");
            }
            if (seed == 11) {
                secondDone.countDown();
            }
            return "run " + seed;
        }, (result, seed) -> seen.add(seed + ": " + result + " on " + Thread.currentThread().getName()));

        String caller = Thread.currentThread().getName();
        assertThat(seen).containsExactly("10: run 10 on " + caller, "11: run 11 on " + caller, "12: run 12 on " + caller,
                "13: run 13 on " + caller, "14: run 14 on " + caller);
        assertThat(workers).hasSize(2).allSatisfy(worker -> assertThat(worker.isDaemon()).isTrue());
    }

    private static void awaitWithin10s(CountDownLatch latch, String otherwise) throws IOException {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IOException(otherwise);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(otherwise, e);
        }
    }

    @Test
    void oneJobRunsOnTheCallersThreadOneSeedAfterTheOther() throws IOException {
        List<Long> seeds = new ArrayList<>();
        Thread caller = Thread.currentThread();
        InSeedOrder.run(3, 7, 1, seed -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            seeds.add(seed);
            return seed;
        }, (result, seed) -> assertThat(result).isEqualTo(seed));
        assertThat(seeds).containsExactly(7L, 8L, 9L);
    }

    @Test
    void aRunThatFailsFailsTheSwarmWithItsOwnExceptionAndNoMoreRunsStart() {
        AtomicInteger started = new AtomicInteger();
        assertThatThrownBy(() -> InSeedOrder.run(1_000, 0, 2, seed -> {
            started.incrementAndGet();
            if (seed == 3) {
                throw new IOException("disk full at seed 3");
            }
            return seed;
        }, (result, seed) -> { })).isInstanceOf(IOException.class).hasMessage("disk full at seed 3");
        // At most twice as many runs as threads are ever queued past the one being awaited.
        assertThat(started.get()).isLessThanOrEqualTo(3 + 1 + 2 * 2);
    }
}
