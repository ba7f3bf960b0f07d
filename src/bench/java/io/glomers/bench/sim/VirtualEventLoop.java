package io.glomers.bench.sim;

import io.glomers.bench.sched.VirtualTime;
import io.glomers.runtime.EventLoop;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * A node's event loop on the cluster's virtual time. Killing the node drops everything it had
 * queued, as a killed process loses its timers; pausing holds its tasks until it resumes.
 */
public final class VirtualEventLoop implements EventLoop {

    private final VirtualTime time;
    private boolean dead;
    private boolean paused;
    private final ArrayDeque<Runnable> held = new ArrayDeque<>();

    public VirtualEventLoop(VirtualTime time) {
        this.time = time;
    }

    @Override
    public long currentTimeMillis() {
        return time.currentTimeMillis();
    }

    @Override
    public void execute(Runnable task) {
        time.after(Duration.ZERO, () -> run(task));
    }

    /**
     * A timer that comes due while the node is paused waits for it to resume, and a cancel in
     * between still stops it, as a real loop's cancelled timer never runs, however late its thread
     * gets to it.
     */
    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        VirtualTime.Event event = time.after(delay, () -> run(() -> {
            if (!cancelled[0]) {
                task.run();
            }
        }));
        return () -> {
            cancelled[0] = true;
            event.cancel();
        };
    }

    void kill() {
        dead = true;
        held.clear();
    }

    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
        while (!held.isEmpty() && !paused) {
            Runnable task = held.poll();
            execute(task);
        }
    }

    private void run(Runnable task) {
        if (dead) {
            return;
        }
        if (paused) {
            held.add(task);
            return;
        }
        task.run();
    }
}
