package io.glomers.runtime;

/**
 * A line {@link EarlyStdin} read before the hand-over to the context: the line (or why it could not be
 * read), and for a handshake the reply due by {@code due} (nanoTime) unless the context answers first.
 * Guarded by {@link EarlyStdin}'s lock.
 */
final class HeldLine {
    final String line;
    final String unreadable;
    final String reply;
    final long due;
    final long readAt;
    boolean answered;
    boolean tried;

    HeldLine(String line, String unreadable, String reply, long due, long readAt) {
        this.line = line;
        this.unreadable = unreadable;
        this.reply = reply;
        this.due = due;
        this.readAt = readAt;
    }
}
