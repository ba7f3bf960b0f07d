package io.glomers.bench.view;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal events a diagram draws: those inside the window, in journal order, unless there are
 * more than the limit. Streams {@code messages.log} twice (once for where history time 0 falls,
 * once for the events), holding at most the limit's worth of events.
 *
 * @param events    the events in the window; empty when there were too many
 * @param counted   message events in the window (all of them, even when too many to keep)
 * @param zeroNanos journal time of history time 0 (the workload's start), 0 when the run never got there
 */
public record MessageLogWindow(List<MessageLogEvent> events, long counted, long zeroNanos) {

    public static MessageLogWindow read(Path journal, DiagramOptions options) throws IOException {
        long zero = zero(journal);
        List<MessageLogEvent> events = new ArrayList<>();
        long counted = 0;
        try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                MessageLogEvent event = MessageLogEvent.parse(line);
                if (!options.contains(seconds(event.nanos(), zero))) {
                    continue;
                }
                if (event.isMessage()) {
                    counted++;
                }
                if (options.unlimited() || counted <= options.eventLimit()) {
                    events.add(event);
                }
            }
        }
        boolean tooMany = !options.unlimited() && counted > options.eventLimit();
        return new MessageLogWindow(tooMany ? List.of() : events, counted, zero);
    }

    public boolean tooMany(DiagramOptions options) {
        return !options.unlimited() && counted > options.eventLimit();
    }

    public double seconds(long nanos) {
        return seconds(nanos, zeroNanos);
    }

    private static double seconds(long nanos, long zero) {
        return (nanos - zero) / 1e9;
    }

    private static long zero(Path journal) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.contains(" # ")) {
                    MessageLogEvent event = MessageLogEvent.parse(line);
                    if (event.kind() == MessageLogEvent.Kind.NOTE) {
                        return event.nanos();
                    }
                }
            }
        }
        return 0;
    }
}
