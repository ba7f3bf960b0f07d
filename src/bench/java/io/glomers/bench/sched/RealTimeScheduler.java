package io.glomers.bench.sched;

import io.glomers.runtime.EventLoop;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The wall-clock scheduler: one thread, {@link System#nanoTime()}. A task that throws does not kill
 * the thread; the failure is handed to {@code onFailure} so the run can end with the cause.
 */
public final class RealTimeScheduler implements Scheduler {

    private final ScheduledThreadPoolExecutor executor;
    private final Consumer<Throwable> onFailure;

    public RealTimeScheduler(Consumer<Throwable> onFailure) {
        this.onFailure = onFailure;
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "bench");
            thread.setDaemon(true);
            return thread;
        });
        // Cancelled timeouts (most client requests) must not pile up until their deadline.
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            // Shut down: node output that arrives after the run is over is of no interest.
        }
    }

    @Override
    public EventLoop.Cancellable schedule(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> future = executor.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            return () -> { };
        }
    }

    @Override
    public void shutdown() {
        executor.shutdownNow();
        try {
            // Waiting for the thread to stop also makes everything it wrote visible to the caller.
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                onFailure.accept(e);
            }
        };
    }
}
