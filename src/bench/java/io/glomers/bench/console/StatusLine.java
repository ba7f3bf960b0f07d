package io.glomers.bench.console;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * One line at the bottom of a terminal that is redrawn in place ({@code \r}, then erase to the end of
 * the line), with ordinary lines printed above it: each line first clears the status and then puts it
 * back. On a stream that is not a terminal there is no status: {@link #show} does nothing and lines
 * pass through, so logs hold plain lines only. Any thread may call it.
 */
public final class StatusLine {

    private static final String ERASE = "\r\033[K";

    private final PrintStream terminal;
    private final Terminal kind;
    private String shown;

    public StatusLine(PrintStream terminal, Terminal kind) {
        this.terminal = terminal;
        this.kind = kind;
    }

    public boolean interactive() {
        return kind.interactive();
    }

    /** Replaces the status; shortened to the terminal's width, since a wrapped line cannot be redrawn. */
    public synchronized void show(String status) {
        if (!kind.interactive()) {
            return;
        }
        shown = status.length() < kind.columns() ? status : status.substring(0, kind.columns() - 2) + "…";
        terminal.print(ERASE + shown);
        terminal.flush();
    }

    /** Removes the status for good (the run is over). */
    public synchronized void clear() {
        if (shown != null) {
            terminal.print(ERASE);
            terminal.flush();
            shown = null;
        }
    }

    /** Prints {@code line} on {@code target} above the status. */
    public synchronized void println(PrintStream target, String line) {
        if (shown != null) {
            terminal.print(ERASE);
            terminal.flush();
        }
        target.println(line);
        target.flush();
        if (shown != null) {
            terminal.print(shown);
            terminal.flush();
        }
    }

    /** A stream whose every line goes to {@code target} through {@link #println}, for code that prints lines. */
    public PrintStream above(PrintStream target) {
        return new PrintStream(new LineSplitter(line -> println(target, line)), true, StandardCharsets.UTF_8);
    }

    private static final class LineSplitter extends OutputStream {
        private final Consumer<String> lines;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineSplitter(Consumer<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.accept(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
            } else {
                pending.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }
    }
}
