package io.glomers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class LoopLagTest {

    private static final long MS = 1_000_000;
    private static final String FIRST = "The event loop started a task";
    private static final String SUMMARY = "tasks more than 200 ms late since its last warning";

    @Test
    void aTaskLateByLessThanTheThresholdSaysNothing(CapturedOutput output) {
        LoopLag lag = new LoopLag(Duration.ofMillis(200));
        lag.ran(1_000 * MS, 1_199 * MS);
        lag.ran(2_000 * MS, 1_990 * MS); // early: a task is never started before it is due, but a clock may say so
        assertThat(output.getAll()).doesNotContain(FIRST).doesNotContain(SUMMARY);
    }

    @Test
    void theFirstLateTaskIsNamedAtOnceAndTheRestAreCountedIntoOneWarningPerTenSeconds(CapturedOutput output) {
        LoopLag lag = new LoopLag(Duration.ofMillis(200));
        lag.ran(1_000 * MS, 1_420 * MS);
        assertThat(output.getAll()).contains(FIRST + " 420 ms late");

        lag.ran(2_000 * MS, 2_300 * MS);
        lag.ran(3_000 * MS, 3_900 * MS);
        lag.ran(4_000 * MS, 4_100 * MS);
        assertThat(output.getAll()).as("within ten seconds of the warning").doesNotContain(SUMMARY);

        lag.ran(11_000 * MS, 11_450 * MS);
        assertThat(output.getAll()).contains("started 3 " + SUMMARY + ", the latest by 450 ms (the worst 900 ms)")
                .containsOnlyOnce(FIRST);

        lag.ran(30_000 * MS, 30_250 * MS);
        assertThat(output.getAll()).as("after a quiet spell, one late task is named again")
                .contains(FIRST + " 250 ms late");
    }

    @Test
    void theProductionLoopWarnsOfATimerHeldUpBehindALongTask(CapturedOutput output) throws InterruptedException {
        assertThat(heldUp(output, (loop, task) -> loop.schedule(Duration.ofMillis(1), task))).contains(FIRST);
    }

    @Test
    void theProductionLoopWarnsOfAMessageHeldUpBehindALongTask(CapturedOutput output) throws InterruptedException {
        assertThat(heldUp(output, EventLoop::execute)).contains(FIRST);
    }

    /** The output once a task queued by {@code queue} behind one that keeps the loop 60 ms has run. */
    private static String heldUp(CapturedOutput output, java.util.function.BiConsumer<ThreadEventLoop, Runnable> queue)
            throws InterruptedException {
        ThreadEventLoop loop = new ThreadEventLoop(Duration.ofMillis(20));
        try {
            CountDownLatch ran = new CountDownLatch(1);
            loop.execute(() -> {
                long until = System.nanoTime() + 60 * MS;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            });
            queue.accept(loop, ran::countDown);
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            return output.getAll();
        } finally {
            loop.destroy();
        }
    }

    @Test
    void aZeroThresholdNeverWarns(CapturedOutput output) {
        LoopLag lag = new LoopLag(Duration.ZERO);
        lag.ran(0, 60_000 * MS); // a minute late
        assertThat(output.getAll()).doesNotContain(FIRST).doesNotContain("timers more than");
    }
}
