package io.glomers.bench.console;

/**
 * Whether the bench's stderr is a terminal, and how wide. Java cannot ask whether stderr alone is a
 * terminal ({@code System.console()} needs stdin and stdout to be one), so {@code bin/challenge},
 * which can ({@code [[ -t 2 ]]}), says so with {@code -Dbench.terminal=true -Dbench.columns=N}.
 *
 * @param interactive true when a person watches: redraw one status line in place
 * @param columns     the terminal's width; a status line longer than this would wrap and could not be redrawn
 */
public record Terminal(boolean interactive, int columns) {

    public static final Terminal PLAIN = new Terminal(false, 120);

    public static Terminal fromSystem() {
        return new Terminal(Boolean.getBoolean("bench.terminal"), Math.max(20, Integer.getInteger("bench.columns", 120)));
    }
}
