package io.glomers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
