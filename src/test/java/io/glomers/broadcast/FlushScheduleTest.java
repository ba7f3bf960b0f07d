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
        });
    }

    @Test
    void queuedValuesWaitForTheLingerAndALaterValueDoesNotPostponeThem() {
        queue(false);
        time.advance(Duration.ofMillis(40));
        queue(false);
        time.advance(Duration.ofMillis(500));

        assertThat(flushes).containsExactly(150L);
    }

    @Test
    void valuesThatMustNotWaitBringAFlushPlannedForLaterForward() {
        queue(false);
        time.advance(Duration.ofMillis(40));
        queue(true);
        time.advance(Duration.ofMillis(500));

        assertThat(flushes).as("one flush, at once, not a second one at the linger's end").containsExactly(40L);
    }

    @Test
    void valuesThatMustNotWaitStillKeepTheMinimumInterval() {
        queue(true);
        time.advance(Duration.ofMillis(20));
        queue(true);
        time.advance(Duration.ofMillis(500));

        assertThat(flushes).containsExactly(0L, 100L);
    }

    private void queue(boolean atOnce) {
        schedule.want(atOnce);
        schedule.decide(FlushSchedule.Timing.FROM_THE_LOOP);
    }
}
