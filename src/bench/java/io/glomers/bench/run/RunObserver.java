package io.glomers.bench.run;

import io.glomers.bench.history.Op;
import java.util.List;
import java.util.function.Supplier;

/**
 * A hook into a run's phases for tools that watch a run without taking part in it (the
 * simulator's convergence probe). Called on the scheduler thread; it must not send messages or draw
 * from the run's random source, or it would change the run it watches.
 */
public interface RunObserver {

    RunObserver NONE = new RunObserver() {
    };

    /** The workload begins: history time 0 (real-time runs show their progress from here). */
    default void workloadStarted(long nanoTime) {
    }

    /** An operation entered the history (client or nemesis), just recorded. */
    default void recorded(Op op) {
    }

    /**
     * The workload ended and the nemesis healed the network: the recovery wait begins.
     *
     * @param nanoTime the scheduler's time of the heal
     * @param history  the history so far, backed by its file: read it with {@code forEach} (streamed)
     */
    default void healed(long nanoTime, Supplier<List<Op>> history) {
    }

    /**
     * The run's phases are over (the final reads answered, or a phase failed), on the thread that
     * ended them. On virtual time this is where the clock stops: events after it would be counted
     * or not depending on how soon the caller shuts the scheduler down.
     */
    default void finished(long nanoTime) {
    }
}
