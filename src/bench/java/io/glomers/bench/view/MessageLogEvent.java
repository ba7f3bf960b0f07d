package io.glomers.bench.view;

import java.util.Locale;

/**
 * One line of {@code messages.log}: a message sent, received or dropped, or a note.
 *
 * @param nanos ns since the journal began (a note marks where history time 0 falls)
 * @param kind  send, recv, drop, or note
 * @param id    the message's journal id, shared by its send and its receipts; -1 for a note
 * @param line  the message as the sender wrote it (for a note, the note's text)
 */
public record MessageLogEvent(long nanos, Kind kind, long id, String src, String dest, String line) {

    public enum Kind { SEND, RECV, DROP, NOTE }

    /** Parses {@code <ns> <send|recv|drop> #<id> <src> -> <dest> <line>} or {@code <ns> # <text>}. */
    public static MessageLogEvent parse(String text) {
        int a = text.indexOf(' ');
        if (a < 0) {
            throw new IllegalArgumentException("not a journal line: " + text);
        }
        long nanos = Long.parseLong(text.substring(0, a));
        if (text.startsWith("# ", a + 1)) {
            return new MessageLogEvent(nanos, Kind.NOTE, -1, null, null, text.substring(a + 3));
        }
        int b = text.indexOf(' ', a + 1);
        int c = text.indexOf(' ', b + 1);
        int d = text.indexOf(' ', c + 1);
        int e = text.indexOf(' ', d + 1);
        int f = text.indexOf(' ', e + 1);
        if (b < 0 || c < 0 || d < 0 || e < 0 || f < 0 || text.charAt(b + 1) != '#'
                || !text.startsWith("->", d + 1)) {
            throw new IllegalArgumentException("not a journal line: " + text);
        }
        Kind kind = Kind.valueOf(text.substring(a + 1, b).toUpperCase(Locale.ROOT));
        return new MessageLogEvent(nanos, kind, Long.parseLong(text.substring(b + 2, c)), text.substring(c + 1, d),
                text.substring(e + 1, f), text.substring(f + 1));
    }

    public boolean isMessage() {
        return kind != Kind.NOTE;
    }
}
