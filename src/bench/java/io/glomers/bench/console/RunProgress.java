package io.glomers.bench.console;

import io.glomers.bench.run.RunObserver;
import io.glomers.bench.history.Op;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A real-time run's progress on stderr: elapsed of total (the workload's time limit plus the
 * recovery wait), operations so far and their outcomes. On a terminal one status line redrawn five
 * times a second; otherwise a plain line every {@link #PLAIN_PERIOD}. Watches the run as a
 * {@link RunObserver} (it only counts, so the run is the same with it or without).
 */
public final class RunProgress implements RunObserver, AutoCloseable {

    static final Duration TERMINAL_PERIOD = Duration.ofMillis(200);
    static final Duration PLAIN_PERIOD = Duration.ofSeconds(5);
    private static final Duration PLAIN_CHECK = Duration.ofMillis(250);

    enum Phase { SETUP, WORKLOAD, RECOVERY, WRITING, DONE }

    private final String part;
    private final Duration timeLimit;
    private final Duration recoveryWait;
    private final StatusLine status;
    private final PrintStream plain;
    private final LongSupplier clock;
    private final OpTally tally = new OpTally();
    private final ScheduledExecutorService ticker;
    private volatile Phase phase = Phase.SETUP;
    private volatile long startedAt;
    /** Plain lines fall at 5 s, 10 s, ... of the run, whenever the run's clock started. */
    private long nextPlainLine = PLAIN_PERIOD.toNanos();

    /**
     * @param status shows the status line when stderr is a terminal
     * @param plain  where plain progress lines go otherwise
     * @param clock  wall-clock nanoseconds ({@code System::nanoTime}; a test's own clock)
     */
    public RunProgress(String part, Duration timeLimit, Duration recoveryWait, StatusLine status, PrintStream plain,
                       LongSupplier clock) {
        this.part = part;
        this.timeLimit = timeLimit;
        this.recoveryWait = recoveryWait;
        this.status = status;
        this.plain = plain;
        this.clock = clock;
        this.startedAt = clock.getAsLong();
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress");
            thread.setDaemon(true);
            return thread;
        });
        long period = (status.interactive() ? TERMINAL_PERIOD : PLAIN_CHECK).toMillis();
        ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    /** The operations counted, for the summary once the run is over. */
    public OpTally tally() {
        return tally;
    }

    @Override
    public void workloadStarted(long nanoTime) {
        startedAt = clock.getAsLong();
        phase = Phase.WORKLOAD;
    }

    @Override
    public void recorded(Op op) {
        tally.record(op);
    }

    @Override
    public void healed(long nanoTime, Supplier<List<Op>> history) {
        phase = Phase.RECOVERY;
    }

    @Override
    public void finished(long nanoTime) {
        phase = Phase.WRITING;
    }

    @Override
    public void close() {
        phase = Phase.DONE;
        ticker.shutdownNow();
        try {
            // A tick already drawing must not put the status back after it is cleared.
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        status.clear();
    }

    private void tick() {
        Phase now = phase;
        if (now == Phase.DONE) {
            return;
        }
        if (status.interactive()) {
            status.show(text(now));
        } else if ((now == Phase.WORKLOAD || now == Phase.RECOVERY) && clock.getAsLong() - startedAt >= nextPlainLine) {
            nextPlainLine += PLAIN_PERIOD.toNanos();
            status.println(plain, text(now));
        }
    }

    /** E.g. {@code bench 3d: 12.3 s of 30 s (workload) | 1034 ops: 1020 ok, 0 fail, 2 info}. */
    String text(Phase now) {
        double elapsed = (clock.getAsLong() - startedAt) / 1e9;
        double total = (timeLimit.toMillis() + recoveryWait.toMillis()) / 1000.0;
        String stage = switch (now) {
            case SETUP -> String.format(Locale.ROOT, "starting the nodes, init and topology (%.1f s)", elapsed);
            case WORKLOAD -> String.format(Locale.ROOT, "%.1f s of %s s (workload)", elapsed, number(total));
            case RECOVERY -> String.format(Locale.ROOT, "%.1f s of %s s (%s)", elapsed, number(total),
                    elapsed >= total ? "final reads" : "recovery wait");
            case WRITING -> "checking the history, writing and drawing the run";
            case DONE -> "done";
        };
        return "bench " + part + ": " + stage + " | " + tally.invoked() + " ops: " + tally.ok() + " ok, "
                + tally.fail() + " fail, " + tally.info() + " info";
    }

    private static String number(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.format(Locale.ROOT, "%.1f", seconds);
    }
}
