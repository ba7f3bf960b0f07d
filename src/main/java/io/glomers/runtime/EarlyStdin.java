package io.glomers.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's stdin reader from the first instant of {@code main}, before the Spring context exists.
 * Maelstrom starts every node at once and gives each 10 s to answer {@code init} and then 5 s to answer
 * {@code topology}; 25 JVMs starting together on two cores need longer than that for their contexts.
 * So while the context starts, this reader answers those two handshakes itself ({@link StartupAnswers})
 * and holds every line it reads. When the context is ready, {@link StdinPump} hands the held lines, in
 * order, to the {@link Inbox} (the answered ones marked, so their handlers' replies are not sent twice)
 * and the same thread goes on reading into the inbox for the rest of the run.
 *
 * <p>Until the hand-over this class is the only writer of stdout; after it, it never writes again
 * (the check and the write share one lock with the hand-over). It logs nothing before the hand-over:
 * logging is not configured yet.
 */
public final class EarlyStdin {

    /** Where lines go once the context is ready: the {@link Inbox}. */
    public interface Target {
        void accept(String line, boolean answeredAtStartup);

        void endOfInput();

        /** A line that could not be read (too long, too big to hold); logged by the target's side. */
        void unreadable(String why);
    }

    /** The ceiling for lines read before the configured one is known: the shipped {@code node.runtime.max-line-length}. */
    static final int STARTUP_MAX_LINE_BYTES = 4 * 1024 * 1024;

    private record Held(String line, boolean answered, String unreadable) {
    }

    private final Object lock = new Object();
    private final BoundedLineReader reader;
    private final OutputStream stdout;
    private final StartupAnswers answers = new StartupAnswers();
    private final List<Held> held = new ArrayList<>();
    private final List<String> answeredLines = new ArrayList<>();
    private Target target;
    private boolean ended;

    private EarlyStdin(InputStream stdin, OutputStream stdout) {
        this.reader = new BoundedLineReader(stdin, STARTUP_MAX_LINE_BYTES);
        this.stdout = stdout;
    }

    /** Starts reading {@code stdin} on a daemon thread named "stdin". */
    public static EarlyStdin start(InputStream stdin, OutputStream stdout) {
        EarlyStdin early = new EarlyStdin(stdin, stdout);
        Thread thread = new Thread(early::read, "stdin");
        thread.setDaemon(true);
        thread.start();
        return early;
    }

    /**
     * From now on every line goes to {@code target}: first the held ones, in the order read, then the
     * rest of the input. Returns the reply lines sent before the hand-over, in order, for the trace.
     */
    public List<String> handOver(Target target, int maxLineBytes) {
        synchronized (lock) {
            if (this.target != null) {
                throw new IllegalStateException("stdin was handed over already");
            }
            reader.limit(maxLineBytes);
            for (Held line : held) {
                if (line.unreadable() != null) {
                    target.unreadable(line.unreadable());
                } else {
                    target.accept(line.line(), line.answered());
                }
            }
            held.clear();
            if (ended) {
                target.endOfInput();
            }
            this.target = target;
            return List.copyOf(answeredLines);
        }
    }

    private void read() {
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine();
                } catch (BoundedLineReader.LineTooLongException e) {
                    deliverUnreadable("Input " + e.getMessage());
                    continue;
                } catch (OutOfMemoryError | StackOverflowError e) {
                    // One line too big to hold must not end the input (and with it the node).
                    deliverUnreadable("Skipping an input line that could not be read: " + e);
                    continue;
                }
                if (line == null) {
                    break;
                }
                deliver(line);
            }
        } catch (IOException e) {
            deliverUnreadable("Reading stdin failed; treating it as end of input: " + e);
        }
        synchronized (lock) {
            ended = true;
            if (target == null) {
                return;
            }
        }
        target.endOfInput();
    }

    private void deliver(String line) {
        Target ready;
        synchronized (lock) {
            ready = target;
            if (ready == null) {
                String reply = answers.answer(line);
                boolean answered = reply != null && write(reply);
                if (answered) {
                    answeredLines.add(reply);
                }
                held.add(new Held(line, answered, null));
                return;
            }
        }
        // Only this thread delivers after the hand-over, so lines keep their order without the lock.
        ready.accept(line, false);
    }

    private void deliverUnreadable(String why) {
        Target ready;
        synchronized (lock) {
            ready = target;
            if (ready == null) {
                held.add(new Held(null, false, why));
                return;
            }
        }
        ready.unreadable(why);
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
