package io.glomers.runtime;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.DisposableBean;

/** The production event loop: one platform thread, wall-clock time. */
@Slf4j
public class ThreadEventLoop implements EventLoop, DisposableBean {

    private final CrashPolicy crashes;
    private final LoopLag lag;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "event-loop");
        thread.setDaemon(true);
        return thread;
    });

    /** Offloaded work, one piece at a time; started by the first, as most nodes never offload. */
    private ExecutorService background;

    public ThreadEventLoop() {
        this(Duration.ZERO);
    }

    /** {@code lagWarning}: how late after it was due a task may start before the loop says so ({@link LoopLag}); 0: never. */
    public ThreadEventLoop(Duration lagWarning) {
        this(new CrashPolicy(), lagWarning);
    }

    ThreadEventLoop(CrashPolicy crashes, Duration lagWarning) {
        this.crashes = crashes;
        this.lag = new LoopLag(lagWarning);
    }

    @Override
    public long currentTimeMillis() {
        return System.nanoTime() / 1_000_000;
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(guarded(timed(System.nanoTime(), task)));
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = executor.schedule(guarded(timed(System.nanoTime() + delay.toNanos(), task)),
                delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    /** The work runs on a background thread; {@code then} on the loop, after the tasks queued by then. */
    @Override
    public <T> void offload(Supplier<T> work, Consumer<T> then) {
        background().execute(guarded(() -> {
            T result = work.get();
            execute(() -> then.accept(result));
        }));
    }

    private synchronized ExecutorService background() {
        if (background == null) {
            background = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "event-loop-offload");
                thread.setDaemon(true);
                return thread;
            });
        }
        return background;
    }

    @Override
    public synchronized void destroy() {
        executor.shutdownNow();
        if (background != null) {
            background.shutdownNow();
        }
    }

    private Runnable timed(long dueNanos, Runnable task) {
        return () -> {
            lag.ran(dueNanos, System.nanoTime());
            task.run();
        };
    }

    // One failing task must not stop the loop: log it and carry on with the next, unless the JVM
    // cannot go on (CrashPolicy). Rethrowing would only end this worker, and the executor would
    // quietly start another.
    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                if (!crashes.survivable(e)) {
                    crashes.fatal("in a task on the event loop", e);
                }
                log.error("Task of the event loop failed", e);
            }
        };
    }
}
