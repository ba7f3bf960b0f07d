package io.glomers.runtime;

import java.time.Duration;
import lombok.extern.slf4j.Slf4j;

/**
 * Notices the event loop starting its tasks late, and says so on stderr. A task is a message read (due when
 * it was read) or a timer (due at its time), and what it sends, a reply, a batch, an acknowledgement or a
 * retransmission, leaves as late: a run's maximum latency that no plan explains is often a node that did not
 * get the CPU (on two cores, real Maelstrom's own JVM compiles its code in the workload's first seconds with
 * most of a core). One warning at the first late task, then at most one per {@link #REPORT_EVERY}, counting
 * those in between, so that a busy spell costs a few lines, not one per task.
 */
@Slf4j
final class LoopLag {

    static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    /** Lateness worth a warning, in nanoseconds; 0: none is. */
    private final long threshold;
    private boolean reported;
    private long reportedAt;
    private int lateSinceReport;
    private long worstSinceReport;

    LoopLag(Duration threshold) {
        this.threshold = threshold.toNanos();
    }

    /** A task due at {@code dueNanos} started at {@code startNanos} ({@link System#nanoTime()}); on the loop only. */
    void ran(long dueNanos, long startNanos) {
        long late = startNanos - dueNanos;
        if (threshold == 0 || late < threshold) {
            return;
        }
        lateSinceReport++;
        worstSinceReport = Math.max(worstSinceReport, late);
        if (reported && startNanos - reportedAt < REPORT_EVERY.toNanos()) {
            return;
        }
        if (lateSinceReport == 1) {
            log.warn("The event loop started a task {} ms late (a message read, or a timer): the machine is busy or the"
                    + " process was paused, and what the task sends (a reply, a batch, an acknowledgement) goes out as late",
                    late / 1_000_000);
        } else {
            log.warn("The event loop started {} tasks more than {} ms late since its last warning, the latest by {} ms"
                    + " (the worst {} ms): the machine is busy or the process was paused", lateSinceReport,
                    threshold / 1_000_000, late / 1_000_000, worstSinceReport / 1_000_000);
        }
        reported = true;
        reportedAt = startNanos;
        lateSinceReport = 0;
        worstSinceReport = 0;
    }
}
