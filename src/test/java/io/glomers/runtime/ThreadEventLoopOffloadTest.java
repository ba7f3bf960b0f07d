package io.glomers.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Offloaded work runs beside the loop, which keeps serving its tasks; the result comes back on the loop. */
class ThreadEventLoopOffloadTest {

    private final ThreadEventLoop loop = new ThreadEventLoop();

    @AfterEach
    void stop() {
        loop.destroy();
    }

    private Thread loopThread() throws Exception {
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        loop.execute(() -> thread.complete(Thread.currentThread()));
        return thread.get(5, TimeUnit.SECONDS);
    }

    @Test
    void theLoopServesItsTasksWhileOffloadedWorkIsUnderWay() throws Exception {
        Thread loopThread = loopThread();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Thread> workedOn = new CompletableFuture<>();
        CompletableFuture<String> handedBackOn = new CompletableFuture<>();

        loop.execute(() -> loop.offload(() -> {
            workedOn.complete(Thread.currentThread());
            await(release);
            return "planned";
        }, result -> handedBackOn.complete(result + " on " + Thread.currentThread().getName())));

        assertThat(workedOn.get(5, TimeUnit.SECONDS)).isNotSameAs(loopThread);
        // The work is blocked: a task queued behind it still runs.
        CompletableFuture<Boolean> served = new CompletableFuture<>();
        loop.execute(() -> served.complete(true));
        assertThat(served.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(handedBackOn).isNotDone();

        release.countDown();
        assertThat(handedBackOn.get(5, TimeUnit.SECONDS)).isEqualTo("planned on " + loopThread.getName());
    }

    @Test
    void failingWorkLeavesTheLoopAndLaterOffloadsWorking() throws Exception {
        loop.offload(() -> {
            throw new IllegalStateException("a plan that cannot be made");
        }, result -> { });
        CompletableFuture<Integer> next = new CompletableFuture<>();
        loop.offload(() -> 42, next::complete);
        assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo(42);
    }

    @Test
    void offloadedWorkThatAwaitsItsTurnGoesOnOnceTheLoopHasRunWhatWasQueuedBefore() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        loop.execute(() -> {
            busy.countDown();
            await(release);
        });
        assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> wentOn = new CompletableFuture<>();
        loop.offload(() -> {
            loop.awaitTurn(Duration.ofSeconds(30));
            return wentOn.complete(true);
        }, result -> { });

        // The loop is held by the task queued first: the work waits for it (100 ms to show that it does).
        assertThat(catchThrowable(() -> wentOn.get(100, TimeUnit.MILLISECONDS))).isInstanceOf(TimeoutException.class);
        release.countDown();
        assertThat(wentOn.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aTurnIsAwaitedAtMostAsLongAsAskedAndNotAtAllOnTheLoop() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        loop.execute(() -> await(release));
        long started = System.nanoTime();
        loop.awaitTurn(Duration.ofMillis(50));
        assertThat(System.nanoTime() - started).as("the loop is still held").isGreaterThanOrEqualTo(50_000_000L);
        release.countDown();

        CompletableFuture<Boolean> onTheLoop = new CompletableFuture<>();
        loop.execute(() -> {
            loop.awaitTurn(Duration.ofSeconds(30));
            onTheLoop.complete(true);
        });
        assertThat(onTheLoop.get(5, TimeUnit.SECONDS)).as("it would wait for itself").isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
