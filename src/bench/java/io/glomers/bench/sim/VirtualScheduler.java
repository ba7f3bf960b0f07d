package io.glomers.bench.sim;

import io.glomers.bench.sched.Scheduler;
import io.glomers.bench.sched.VirtualTime;
import io.glomers.runtime.EventLoop;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The bench's scheduler on virtual time: one driver thread runs the cluster's events in time order
 * as fast as it can, so a 30-second run takes as long as its computation. Bench tasks and node tasks
 * share the queue ({@link #time()}), so nothing races and a seed replays a run exactly. Other threads
 * (the run's caller) may hand in tasks; they take the monitor the driver holds while it works.
 */
public final class VirtualScheduler implements Scheduler {

    private final VirtualTime time = new VirtualTime();
    private final Thread driver;
    private Consumer<Throwable> onFailure = failure -> { };
    // Volatile: shutdown sets it without the monitor, which a driver busy with a never-idle queue
    // (periodic node timers) would not give up; the driver sees it between two events.
    private volatile boolean stopped;

    public VirtualScheduler() {
        this("virtual-time");
    }

    /** @param name the driver thread's, which log lines show: a run's seed, where several runs share a log */
    public VirtualScheduler(String name) {
        this.driver = new Thread(this::drive, name);
        this.driver.setDaemon(true);
        this.driver.start();
    }

    /** Where a failing task is reported; the run that owns this scheduler sets it. */
    public synchronized VirtualScheduler onFailure(Consumer<Throwable> handler) {
        this.onFailure = handler;
        return this;
    }

    /** The clock the simulated nodes share with the bench. */
    public VirtualTime time() {
        return time;
    }

    @Override
    public synchronized long nanoTime() {
        return time.nanoTime();
    }

    @Override
    public synchronized void execute(Runnable task) {
        time.after(Duration.ZERO, task);
        notifyAll();
    }

    @Override
    public synchronized EventLoop.Cancellable schedule(Duration delay, Runnable task) {
        VirtualTime.Event event = time.after(delay, task);
        notifyAll();
        return event::cancel;
    }

    /**
     * Stops the driver after the event that is running: called on the driver's own thread at the
     * end of a run, so that the last event counted is the same in every replay.
     */
    public void halt() {
        stopped = true;
    }

    @Override
    public void shutdown() {
        stopped = true;
        synchronized (this) {
            notifyAll();
        }
        if (Thread.currentThread() != driver) {
            try {
                driver.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized void drive() {
        while (!stopped) {
            try {
                if (!time.runNext()) {
                    wait();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                onFailure.accept(e);
                stopped = true;
            }
        }
    }
}
