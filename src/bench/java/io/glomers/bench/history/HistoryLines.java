package io.glomers.bench.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of the {@code history.edn} the bench writes, as Jepsen prints an operation, and read back
 * to the very {@link Op} that was recorded: a broadcast's value a {@code Long}, an ok read's a
 * {@code List<Long>}, a nemesis value the EDN text it was recorded as. Only the bench's own format;
 * Maelstrom's histories go through {@code check.HistoryReader}.
 */
final class HistoryLines {

    private static final String FINAL = ", :final? true}";

    private HistoryLines() {
    }

    /** One operation as a line of {@code history.edn} (the bench streams them as they happen). */
    static String format(Op op) {
        StringBuilder out = new StringBuilder();
        out.append("{:index ").append(op.index()).append(", :time ").append(op.time())
                .append(", :type :").append(op.type().name().toLowerCase(Locale.ROOT))
                .append(", :process ").append(op.isClient() ? String.valueOf(op.process()) : ":nemesis")
                .append(", :f :").append(op.f())
                .append(", :value ").append(value(op));
        if (op.finalRead()) {
            out.append(", :final? true");
        }
        return out.append('}').toString();
    }

    private static String value(Op op) {
        Object value = op.value();
        if (value == null) {
            return "nil";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]";
        }
        // Nemesis values are kept as the EDN Jepsen prints (keywords, grudges).
        return String.valueOf(value);
    }

    static Op parse(String line) {
        try {
            Cursor cursor = new Cursor(line);
            int index = Integer.parseInt(cursor.field("{:index ", ", :time "));
            long time = Long.parseLong(cursor.field("", ", :type :"));
            Op.Type type = Op.Type.valueOf(cursor.field("", ", :process ").toUpperCase(Locale.ROOT));
            String process = cursor.field("", ", :f :");
            String f = cursor.field("", ", :value ");
            boolean finalRead = line.endsWith(FINAL);
            String value = line.substring(cursor.at, line.length() - (finalRead ? FINAL.length() : 1));
            boolean nemesis = process.equals(":nemesis");
            return new Op(index, time, type, nemesis ? Op.NEMESIS : Integer.parseInt(process), f,
                    nemesis ? nemesisValue(value) : clientValue(value), finalRead);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a history line of the bench: " + excerpt(line), e);
        }
    }

    private static Object nemesisValue(String value) {
        return value.equals("nil") ? null : value;
    }

    private static Object clientValue(String value) {
        if (value.equals("nil")) {
            return null;
        }
        if (!value.startsWith("[")) {
            return Long.parseLong(value);
        }
        String inner = value.substring(1, value.length() - 1).trim();
        List<Long> values = new ArrayList<>();
        if (!inner.isEmpty()) {
            for (String item : inner.split(" ")) {
                values.add(Long.parseLong(item));
            }
        }
        return values;
    }

    private static String excerpt(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    private static final class Cursor {
        private final String line;
        private int at;

        Cursor(String line) {
            this.line = line;
        }

        /** The text after {@code prefix} (which must be next) up to {@code end}, which is consumed. */
        String field(String prefix, String end) {
            if (!line.startsWith(prefix, at)) {
                throw new IllegalArgumentException("expected '" + prefix + "' at " + at);
            }
            int start = at + prefix.length();
            int stop = line.indexOf(end, start);
            if (stop < 0) {
                throw new IllegalArgumentException("expected '" + end + "' after " + start);
            }
            at = stop + end.length();
            return line.substring(start, stop);
        }
    }
}
