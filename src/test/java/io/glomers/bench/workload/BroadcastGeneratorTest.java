package io.glomers.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.sched.HostCpu;
import io.glomers.bench.sched.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Jepsen's stagger, time limit and thread choice, on manual time with threads that answer when told. */
class BroadcastGeneratorTest {

    private final VirtualTime scheduler = new VirtualTime();
    private final List<String> invoked = new ArrayList<>();
    private final List<Long> invokedAt = new ArrayList<>();

    /** A thread whose operations take {@code latency} (null: until {@link #finish()}). */
    private final class Thread implements ClientThread {
        private final int id;
        private final Duration latency;
        private Runnable pending;

        Thread(int id, Duration latency) {
            this.id = id;
            this.latency = latency;
        }

        @Override
        public void invoke(String f, Long value, boolean finalRead, Runnable done) {
            invoked.add(id + ":" + f + (value == null ? "" : "(" + value + ")"));
            invokedAt.add(scheduler.nanoTime());
            if (latency == null) {
                pending = done;
            } else {
                scheduler.schedule(latency, done);
            }
        }

        void finish() {
            Runnable done = pending;
            pending = null;
            done.run();
        }
    }

    private List<Thread> threads(int count, Duration latency) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            threads.add(new Thread(i, latency));
        }
        return threads;
    }

    private BroadcastGenerator generator(List<Thread> threads, double rate, Duration limit) {
        return generator(threads, rate, limit, Duration.ZERO);
    }

    private BroadcastGenerator generator(List<Thread> threads, double rate, Duration limit, Duration lag) {
        return new BroadcastGenerator(scheduler, new Random(3), threads, rate, limit, HostCpu.unlimited().worker(), lag);
    }

    private static List<Integer> threadIds(List<String> invoked) {
        return invoked.stream().map(op -> Integer.parseInt(op.substring(0, op.indexOf(':')))).toList();
    }

    @Test
    void theFirstOperationGoesOutAtOnceAndTheRateIsTheMeanOverAllThreads() {
        BroadcastGenerator generator = generator(threads(5, Duration.ofMillis(1)), 100, Duration.ofSeconds(100));
        CompletableFuture<Void> drained = generator.runMainPhase();
        assertThat(invokedAt).containsExactly(0L);

        scheduler.advance(Duration.ofSeconds(101));

        assertThat(drained).isDone();
        assertThat(invoked.size()).as("100/s for 100 s").isBetween(9_700, 10_300);
        assertThat(invokedAt).allMatch(at -> at < Duration.ofSeconds(100).toNanos());
        assertThat(generator.broadcastCount()).as("a fair coin").isBetween(4_800L, 5_200L);
        assertThat(invoked).filteredOn(op -> op.contains("broadcast")).extracting(op -> op.substring(op.indexOf('(')))
                .as("broadcast values 0, 1, 2, ... in order").startsWith("(0)", "(1)", "(2)");
    }

    @Test
    void anInterpreterThatWakesLateLosesTheLagOnEveryOperation() {
        // 100/s is a mean gap of 10 ms; 10 ms of lag doubles it.
        BroadcastGenerator generator = generator(threads(5, Duration.ofMillis(1)), 100, Duration.ofSeconds(100),
                Duration.ofMillis(10));
        generator.runMainPhase();

        scheduler.advance(Duration.ofSeconds(101));

        assertThat(invoked.size()).as("100 s at a mean gap of 20 ms").isBetween(4_850, 5_150);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < invokedAt.size(); i++) {
            gaps.add(invokedAt.get(i) - invokedAt.get(i - 1));
        }
        assertThat(gaps).as("each gap is the stagger's draw, [0, 20) ms, after the lag")
                .allMatch(gap -> gap >= Duration.ofMillis(10).toNanos() && gap < Duration.ofMillis(30).toNanos());
    }

    @Test
    void threadZeroAlsoTakesTheNemesisThreadsTurnAsUnderJepsensCounter() {
        generator(threads(3, Duration.ofMillis(1)), 10, Duration.ofSeconds(100)).runMainPhase();
        awaitInvocations(8);

        assertThat(threadIds(invoked)).as("real histories: 0 1 2 3 4 0 0 1 2 3 4 0 ... at 5 nodes")
                .containsExactly(0, 1, 2, 0, 0, 1, 2, 0);
    }

    @Test
    void aNemesisOperationTakesATurnOfTheCounter() {
        BroadcastGenerator generator = generator(threads(3, Duration.ofMillis(1)), 10, Duration.ofSeconds(100));
        generator.runMainPhase();
        generator.nemesisOperationIssued();
        awaitInvocations(4);

        assertThat(threadIds(invoked)).as("0, the nemesis, then 2 (real 3c: processes 0 2 3 4 0 0 1 ...)")
                .containsExactly(0, 2, 0, 0);
    }

    @Test
    void threadsArePickedByTheCounterNotInTheOrderTheyFreed() {
        List<Thread> threads = threads(3, null);
        generator(threads, 10, Duration.ofSeconds(100)).runMainPhase();
        awaitInvocations(2);
        threads.get(1).finish();
        threads.get(0).finish();
        awaitInvocations(4);

        assertThat(threadIds(invoked)).as("after 1 comes 2, then 0 (1 freed first, but 0 is next in turn)")
                .containsExactly(0, 1, 2, 0);
    }

    @Test
    void aBusyThreadIsSkipped() {
        List<Thread> threads = threads(3, null);
        generator(threads, 10, Duration.ofSeconds(100)).runMainPhase();
        awaitInvocations(3);
        threads.get(0).finish();
        threads.get(2).finish();
        awaitInvocations(5);

        assertThat(threadIds(invoked)).as("0 1 2 busy; 0 and 2 free up; after 0 comes 2, since 1 is still busy")
                .containsExactly(0, 1, 2, 0, 2);
    }

    private void awaitInvocations(int count) {
        for (int step = 0; invoked.size() < count && step < 1_000_000; step++) {
            scheduler.advance(Duration.ofNanos(100_000));
        }
        assertThat(invoked).hasSize(count);
    }

    @Test
    void whenEveryThreadIsBusyTheDueOperationWaitsAndTimeLostIsNotMadeUp() {
        // One thread whose first operation takes 2 s and every later one a microsecond.
        List<Long> latencies = new ArrayList<>(List.of(2_000_000_000L));
        ClientThread thread = (f, value, finalRead, done) -> {
            invokedAt.add(scheduler.nanoTime());
            scheduler.schedule(Duration.ofNanos(latencies.isEmpty() ? 1_000 : latencies.remove(0)), done);
        };
        new BroadcastGenerator(scheduler, new Random(3), List.of(thread), 1000, Duration.ofSeconds(10),
                HostCpu.unlimited().worker(), Duration.ofMillis(1)).runMainPhase();

        scheduler.advance(Duration.ofMillis(1999));
        assertThat(invokedAt).as("nothing queues up behind a busy thread").containsExactly(0L);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(invokedAt).as("the operation that was due goes out when the thread frees, without the lag of a timed wait")
                .containsExactly(0L, 2_000_000_000L);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(invokedAt.size() - 2).as("the next second runs at the rate (1000/s) less the lag of 1 ms an operation"
                + " (a mean gap of 2 ms), with no burst for the 2 s lost").isBetween(450, 550);
    }

    @Test
    void theTimeLimitCountsFromTheFirstOperationAndThePhaseWaitsForWhatIsInFlight() {
        List<Thread> threads = threads(2, null);
        CompletableFuture<Void> drained = generator(threads, 1, Duration.ofSeconds(5)).runMainPhase();
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(drained).as("two operations still in flight").isNotDone();
        assertThat(invokedAt).allMatch(at -> at < Duration.ofSeconds(5).toNanos());

        threads.forEach(Thread::finish);
        assertThat(drained).isDone();
    }
}
