package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.sched.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When batched values leave: after the linger and the minimum interval, unless they must not wait for the linger. */
class FlushScheduleTest {

    private static final BroadcastProperties.Batching LINGER_150_INTERVAL_100 =
            new BroadcastProperties.Batching(Duration.ofMillis(150), Duration.ofMillis(100));

    private final VirtualTime time = new VirtualTime();
    private final List<Long> flushes = new ArrayList<>();
    private FlushSchedule schedule;

    FlushScheduleTest() {
        schedule = new FlushSchedule(time, () -> LINGER_150_INTERVAL_100, () -> {
            schedule.flushing();
            flushes.add(time.currentTimeMillis());
        }, () -> false);
    }

    @Test
    void queuedValuesWaitForTheLingerAndALaterValueDoesNotPostponeThem() {
        assertThat(flushesOf(false, 40, false)).containsExactly(150L);
    }

    @Test
    void valuesThatMustNotWaitBringAFlushPlannedForLaterForward() {
        assertThat(flushesOf(false, 40, true)).as("one flush, at once, not a second one at the linger's end")
                .containsExactly(40L);
    }

    @Test
    void valuesThatMustNotWaitStillKeepTheMinimumInterval() {
        assertThat(flushesOf(true, 20, true)).containsExactly(0L, 100L);
    }

    @Test
    void hurriedValuesLeaveAtOnceThroughTheMinimumIntervalAndBringAPlannedFlushForward() {
        queue(true);
        time.advance(Duration.ofMillis(20));
        hurry();
        time.advance(Duration.ofMillis(10));
        queue(false);
        time.advance(Duration.ofMillis(10));
        hurry();
        time.advance(Duration.ofMillis(500));
        assertThat(flushes).as("20 ms after a flush, not after the interval; the flush planned for 180 ms at 40 ms")
                .containsExactly(0L, 20L, 40L);
    }

    @Test
    void aHurryWhenNothingWasQueuedIsForgottenByTheNextDecision() {
        schedule.hurry();
        schedule.decide(FlushSchedule.Timing.FROM_THE_LOOP);
        queue(false);
        time.advance(Duration.ofMillis(500));
        assertThat(flushes).as("the linger holds the next value as ever").containsExactly(150L);
    }

    private void hurry() {
        schedule.want();
        schedule.hurry();
        schedule.decide(FlushSchedule.Timing.FROM_THE_LOOP);
    }

    /** When the flushes happen for a value queued at 0 and another {@code gap} ms later, each skipping the linger or not. */
    private List<Long> flushesOf(boolean firstSkipsLinger, long gap, boolean secondSkipsLinger) {
        queue(firstSkipsLinger);
        time.advance(Duration.ofMillis(gap));
        queue(secondSkipsLinger);
        time.advance(Duration.ofMillis(500));
        return flushes;
    }

    private void queue(boolean skipLinger) {
        schedule.want(skipLinger);
        schedule.decide(FlushSchedule.Timing.FROM_THE_LOOP);
    }
}
