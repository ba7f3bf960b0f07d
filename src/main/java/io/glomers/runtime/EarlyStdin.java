package io.glomers.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's stdin reader from the first instant of {@code main}, before the Spring context exists, and
 * the guard of Maelstrom's start-up deadlines. Maelstrom starts every node at once and gives each 10 s
 * to answer {@code init}, then 5 s to answer {@code topology}; 25 JVMs starting together on two cores
 * can need longer than that for their contexts. So while the context starts, this reader holds every
 * line it reads, and when a held {@code init} or {@code topology} is close to its deadline it answers
 * it itself ({@link StartupAnswers}): the run goes on, valid, instead of failing at set-up. When the
 * context is ready, {@link StdinPump} hands the held lines, in order, to the {@link Inbox}: the ones
 * not answered yet are handled and answered as usual, the answered ones are handled too but their
 * second answer is not sent; and the same thread goes on reading into the inbox for the rest of the run.
 *
 * <p>The context is usually ready well before a deadline, and then this class answers nothing. Until
 * the hand-over it is the only writer of stdout; after it, it never writes again (each check and write
 * holds the lock the hand-over takes). It logs nothing before the hand-over: logging is not set up yet.
 */
public final class EarlyStdin {

    /** Where lines go once the context is ready: the {@link Inbox}. */
    public interface Target {
        /**
         * @param answered  the request was answered here: handle it, but send no second reply
         * @param ageMillis how long ago the line was read (a client gives up on a request after a while)
         */
        void accept(String line, boolean answered, long ageMillis);

        void endOfInput();

        /** A line that could not be read (too long, too big to hold); logged on the target's side. */
        void unreadable(String why);
    }

    /**
     * When a held handshake is answered here, if the context has not answered it first: {@code init} at
     * this long after the process started (Maelstrom's 10 s start when it has spawned the process),
     * {@code topology} this long after this node answered {@code init} or after the topology was read,
     * whichever came first (Maelstrom sends it only once every node has answered init, and on a busy
     * machine the read itself comes late). As late as is safe, so that as many contexts as possible are
     * ready when the workload begins; the margins (1.5 s and 2 s) leave room for a late wake-up (a
     * topology answered at 4 s was once late on a loaded 2-core machine: the guard woke over a second late).
     */
    public record Deadlines(Duration init, Duration topology) {
        public static final Deadlines MAELSTROM = new Deadlines(Duration.ofMillis(8500), Duration.ofMillis(3000));
    }

    /** The ceiling for lines read before the configured one is known: the shipped {@code node.runtime.max-line-length}. */
    static final int STARTUP_MAX_LINE_BYTES = 4 * 1024 * 1024;

    private final Object lock = new Object();
    private final BoundedLineReader reader;
    private final OutputStream stdout;
    private final Deadlines deadlines;
    private final long started;
    private final StartupAnswers answers = new StartupAnswers();
    private final List<HeldLine> held = new ArrayList<>();
    private final List<String> answeredLines = new ArrayList<>();
    /** When this node answered init here (nanoTime), or 0. */
    private long initAnswered;
    private Target target;
    private boolean ended;

    private EarlyStdin(InputStream stdin, OutputStream stdout, Deadlines deadlines, long started) {
        this.reader = new BoundedLineReader(stdin, STARTUP_MAX_LINE_BYTES);
        this.stdout = stdout;
        this.deadlines = deadlines;
        this.started = started;
    }

    /** Starts reading {@code stdin} on a daemon thread named "stdin", and guarding the deadlines on another. */
    public static EarlyStdin start(InputStream stdin, OutputStream stdout, Deadlines deadlines) {
        return start(stdin, stdout, deadlines, NodeProcess.current());
    }

    /** As above, with the deadlines running from the start of {@code process} (a hosted node's launcher). */
    public static EarlyStdin start(InputStream stdin, OutputStream stdout, Deadlines deadlines, NodeProcess process) {
        EarlyStdin early = new EarlyStdin(stdin, stdout, deadlines, process.startNanos());
        daemon(early::read, "stdin");
        daemon(early::guardDeadlines, "startup-deadlines");
        return early;
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * From now on every line goes to {@code target}: first the held ones, in the order read, with their
     * age, then the rest of the input. Returns the reply lines sent before the hand-over, in order.
     */
    public List<String> handOver(Target target, int maxLineBytes) {
        synchronized (lock) {
            if (this.target != null) {
                throw new IllegalStateException("stdin was handed over already");
            }
            reader.limit(maxLineBytes);
            long now = System.nanoTime();
            for (HeldLine line : held) {
                if (line.unreadable != null) {
                    target.unreadable(line.unreadable);
                } else {
                    target.accept(line.line, line.answered, (now - line.readAt) / 1_000_000);
                }
            }
            held.clear();
            if (ended) {
                target.endOfInput();
            }
            this.target = target;
            lock.notifyAll();
            return List.copyOf(answeredLines);
        }
    }

    /** How long ago the process started (the clock of Maelstrom's init deadline). */
    public long millisSinceProcessStart() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** How long until the moment this guard answers a held {@code init}; negative once it has passed. */
    public Duration untilInitDeadline() {
        return deadlines.init().minusMillis(millisSinceProcessStart());
    }

    /** Lines read and held so far, waiting for the hand-over. */
    int waiting() {
        synchronized (lock) {
            return held.size();
        }
    }

    private void read() {
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine();
                } catch (BoundedLineReader.LineTooLongException e) {
                    deliver(null, "Input " + e.getMessage());
                    continue;
                } catch (OutOfMemoryError | StackOverflowError e) {
                    // One line too big to hold must not end the input (and with it the node).
                    deliver(null, "Skipping an input line that could not be read: " + e);
                    continue;
                }
                if (line == null) {
                    break;
                }
                deliver(line, null);
            }
        } catch (IOException e) {
            deliver(null, "Reading stdin failed; treating it as end of input: " + e);
        }
        synchronized (lock) {
            ended = true;
            if (target == null) {
                return;
            }
        }
        target.endOfInput();
    }

    private void deliver(String line, String unreadable) {
        Target ready;
        synchronized (lock) {
            ready = target;
            if (ready == null) {
                held.add(line == null ? new HeldLine(null, unreadable, null, 0, 0) : hold(line));
                lock.notifyAll();
                return;
            }
        }
        // Only this thread delivers after the hand-over, so lines keep their order without the lock.
        if (line != null) {
            ready.accept(line, false, 0);
        } else {
            ready.unreadable(unreadable);
        }
    }

    private HeldLine hold(String line) {
        long now = System.nanoTime();
        StartupAnswers.Answer answer = answers.answer(line);
        if (answer == null) {
            return new HeldLine(line, null, null, 0, now);
        }
        long due = answer.handshake() == StartupAnswers.Handshake.INIT
                ? started + deadlines.init().toNanos()
                : (initAnswered != 0 ? initAnswered : now) + deadlines.topology().toNanos();
        return new HeldLine(line, null, answer.reply(), due, now);
    }

    /** Answers each held handshake at its deadline, unless the hand-over came first. */
    private void guardDeadlines() {
        synchronized (lock) {
            while (target == null) {
                long now = System.nanoTime();
                long next = Long.MAX_VALUE;
                for (HeldLine line : held) {
                    if (line.reply == null || line.tried) {
                        continue;
                    }
                    if (line.due - now <= 0) {
                        line.tried = true;
                        line.answered = write(line.reply);
                        if (line.answered) {
                            answeredLines.add(line.reply);
                            initAnswered = initAnswered == 0 ? now : initAnswered;
                        }
                    } else {
                        next = Math.min(next, line.due);
                    }
                }
                try {
                    if (next == Long.MAX_VALUE) {
                        lock.wait();
                    } else {
                        long waitNanos = next - now;
                        lock.wait(Math.max(1, waitNanos / 1_000_000), 0);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** False when stdout failed: the handler then answers, or finds stdout gone too, in its time. */
    private boolean write(String line) {
        try {
            stdout.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdout.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
