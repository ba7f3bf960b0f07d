package io.glomers.bench.sim;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToLongFunction;
import java.util.function.ObjLongConsumer;

/**
 * Runs seeded simulations on several threads and hands their results back in seed order. A simulated
 * run is a function of its seed alone (virtual time, randomness drawn from the seed, a context of its
 * own for every node, an acknowledgement journal of its own: {@link SimNodeFactory#forRun}), so running
 * several at once changes the wall time and nothing else: the caller
 * sees what one thread would have shown it, in the same order. At most twice as many runs as threads are
 * in flight, so a swarm of thousands holds a handful of histories at a time.
 */
public final class InSeedOrder {

    /** One seeded run. */
    public interface SeededRun<T> {
        T run(long seed) throws IOException;
    }

    private InSeedOrder() {
    }

    /** Runs seeds {@code base..base+runs-1} on {@code jobs} threads; {@code each} gets every result with its seed, in seed order, on this thread. */
    public static <T> void run(int runs, long base, int jobs, SeededRun<T> run, ObjLongConsumer<T> each) throws IOException {
        run(runs, i -> base + i, jobs, run, each);
    }

    /** As above, for the given seeds, in their order. */
    public static <T> void run(List<Long> seeds, int jobs, SeededRun<T> run, ObjLongConsumer<T> each) throws IOException {
        run(seeds.size(), seeds::get, jobs, run, each);
    }

    private static <T> void run(int runs, IntToLongFunction seedAt, int jobs, SeededRun<T> run, ObjLongConsumer<T> each)
            throws IOException {
        if (jobs == 1) {
            for (int i = 0; i < runs; i++) {
                each.accept(run.run(seedAt.applyAsLong(i)), seedAt.applyAsLong(i));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs, daemonThreads());
        try {
            Deque<Future<T>> inFlight = new ArrayDeque<>();
            int submitted = 0;
            for (int done = 0; done < runs; done++) {
                while (submitted < runs && inFlight.size() < 2 * jobs) {
                    long seed = seedAt.applyAsLong(submitted++);
                    inFlight.add(pool.submit(() -> run.run(seed)));
                }
                each.accept(await(inFlight.removeFirst()), seedAt.applyAsLong(done));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T await(Future<T> result) throws IOException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a simulated run");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a run threw what its signature does not allow", cause);
        }
    }

    /** Daemon threads: a run that hangs past its guard must not keep the JVM alive once the caller gives up. */
    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "sim-run-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
