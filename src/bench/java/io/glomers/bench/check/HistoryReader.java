package io.glomers.bench.check;

import io.glomers.bench.history.Op;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a Maelstrom {@code history.edn} (one op map per line) into {@link Op}s.
 *
 * <p>Only the fields the checker and plots need are kept. Broadcast/add values become {@link Long};
 * a completed read's value becomes a {@code List<Long>} in the order written (a set is accepted
 * too, since Jepsen histories of other set workloads print reads as sets); the nemesis keeps its
 * raw EDN value as a description.
 */
public final class HistoryReader {

    private static final Keyword INDEX = Keyword.of("index");
    private static final Keyword TIME = Keyword.of("time");
    private static final Keyword TYPE = Keyword.of("type");
    private static final Keyword PROCESS = Keyword.of("process");
    private static final Keyword F = Keyword.of("f");
    private static final Keyword VALUE = Keyword.of("value");
    private static final Keyword FINAL = Keyword.of("final?");

    private HistoryReader() {
    }

    /** Reads {@code history.edn}, or {@code history.edn.gz} when only that exists. */
    public static List<Op> read(Path historyFile) {
        return fromForms(EdnFiles.readAll(historyFile));
    }

    public static List<Op> parse(String ednText) {
        return fromForms(EdnReader.readAll(ednText));
    }

    private static List<Op> fromForms(List<Object> forms) {
        List<Op> ops = new ArrayList<>(forms.size());
        for (Object form : forms) {
            if (!(form instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("history entry is not a map: " + EdnWriter.compact(form));
            }
            ops.add(toOp(map));
        }
        return ops;
    }

    static Op toOp(Map<?, ?> m) {
        try {
            int index = Math.toIntExact(number(m, INDEX).longValue());
            long time = number(m, TIME).longValue();
            Op.Type type = Op.Type.valueOf(keyword(m, TYPE).toUpperCase(Locale.ROOT));
            Object rawProcess = m.get(PROCESS);
            int process = rawProcess instanceof Number n ? Math.toIntExact(n.longValue()) : Op.NEMESIS;
            String f = keyword(m, F);
            Object value = process == Op.NEMESIS ? m.get(VALUE) : clientValue(f, type, m.get(VALUE));
            boolean finalRead = Boolean.TRUE.equals(m.get(FINAL));
            return new Op(index, time, type, process, f, value, finalRead);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad history entry " + EdnWriter.compact(m) + ": " + e.getMessage(), e);
        }
    }

    private static Object clientValue(String f, Op.Type type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (f) {
            case "broadcast", "add" -> toLong(value);
            case "read" -> type == Op.Type.OK ? toLongList(value) : value;
            default -> value;
        };
    }

    private static List<Long> toLongList(Object value) {
        if (!(value instanceof Collection<?> items)) {
            throw new IllegalArgumentException("read value is not a vector or set: " + EdnWriter.compact(value));
        }
        List<Long> longs = new ArrayList<>(items.size());
        for (Object item : items) {
            longs.add(toLong(item));
        }
        return longs;
    }

    private static Long toLong(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        throw new IllegalArgumentException("expected an integer, got " + EdnWriter.compact(value));
    }

    private static Number number(Map<?, ?> m, Keyword key) {
        if (m.get(key) instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException("missing or non-numeric " + key);
    }

    private static String keyword(Map<?, ?> m, Keyword key) {
        if (m.get(key) instanceof Keyword k) {
            return k.name();
        }
        throw new IllegalArgumentException("missing or non-keyword " + key);
    }
}
