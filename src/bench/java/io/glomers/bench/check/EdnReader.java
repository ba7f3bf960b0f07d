package io.glomers.bench.check;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small EDN reader, enough for Maelstrom's {@code history.edn} and {@code results.edn}; the
 * nesting is here, single tokens, strings and characters are {@link EdnScanner}'s.
 *
 * <p>Values map to Java as: map -> {@link LinkedHashMap} (file order kept, for readable diffs),
 * vector -> {@link ArrayList}, list -> {@link EdnList} (a {@link List} too, kept apart so that a
 * value printed again is the same text), set -> {@link LinkedHashSet}, keyword -> {@link Keyword},
 * symbol -> {@link EdnSymbol}, integer -> {@link Long} ({@link BigInteger} if too large or with an
 * {@code N} suffix), float -> {@link Double} ({@link BigDecimal} with an {@code M} suffix), ratio ->
 * {@link Double}, string -> {@link String}, character -> {@link Character}, nil -> {@code null},
 * a tagged literal such as {@code #jepsen.history.Op{...}} -> {@link EdnTagged} ({@link #untagged}
 * gives the value inside).
 */
public final class EdnReader {

    private final EdnScanner in;

    public EdnReader(String text) {
        this.in = new EdnScanner(text);
    }

    /** Reads exactly one form from {@code text}; anything but whitespace after it is an error. */
    public static Object readOne(String text) {
        EdnReader reader = new EdnReader(text);
        if (!reader.hasNext()) {
            throw new EdnException("no EDN form in input", 0);
        }
        Object value = reader.next();
        if (reader.hasNext()) {
            throw new EdnException("more than one EDN form in input", reader.in.position());
        }
        return value;
    }

    /** Reads every top-level form, e.g. the one-map-per-line {@code history.edn}. */
    public static List<Object> readAll(String text) {
        EdnReader reader = new EdnReader(text);
        List<Object> forms = new ArrayList<>();
        while (reader.hasNext()) {
            forms.add(reader.next());
        }
        return forms;
    }

    /** The value inside a tagged literal; any other value as it is. */
    public static Object untagged(Object value) {
        return value instanceof EdnTagged tagged ? tagged.value() : value;
    }

    /** True when another form follows (skips whitespace, comments and {@code #_} discards). */
    public boolean hasNext() {
        skipIgnorable();
        return !in.atEnd();
    }

    public Object next() {
        skipIgnorable();
        char c = in.peek("a form");
        if ("{[(\":\\#)]}".indexOf(c) < 0) {
            return in.readAtom(in.readToken());
        }
        in.skip(1);
        return switch (c) {
            case '{' -> readMap();
            case '[' -> readSeq(']');
            case '(' -> new EdnList(readSeq(')'));
            case '"' -> in.readString();
            case ':' -> new Keyword(in.readToken());
            case '\\' -> in.readCharacter();
            case '#' -> readDispatch();
            default -> throw in.error("unmatched '" + c + "'");
        };
    }

    private Map<Object, Object> readMap() {
        Map<Object, Object> map = new LinkedHashMap<>();
        while (true) {
            skipIgnorable();
            if (in.peek("'}'") == '}') {
                in.skip(1);
                return map;
            }
            Object key = next();
            skipIgnorable();
            if (in.peek("'}'") == '}') {
                throw in.error("map literal has a key without a value: " + key);
            }
            map.put(key, next());
        }
    }

    private List<Object> readSeq(char close) {
        List<Object> items = new ArrayList<>();
        while (true) {
            skipIgnorable();
            if (in.peek("'" + close + "'") == close) {
                in.skip(1);
                return items;
            }
            items.add(next());
        }
    }

    private Object readDispatch() {
        char c = in.peek("a set, a symbolic value or a tag after '#'");
        if (c == '{') {
            in.skip(1);
            return new LinkedHashSet<>(readSeq('}'));
        }
        if (c == '#') {
            in.skip(1);
            String name = in.readToken();
            return switch (name) {
                case "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> throw in.error("unknown symbolic value ##" + name);
            };
        }
        if (c == '_') {
            // Handled by skipIgnorable; reaching here means "#_" was the last thing before a closer.
            throw in.error("'#_' discards nothing");
        }
        String tag = in.readToken();
        if (tag.isEmpty()) {
            throw in.error("'#' without a tag");
        }
        return new EdnTagged(tag, next());
    }

    private void skipIgnorable() {
        in.skipBlanksAndComments();
        while (!in.atEnd() && in.peek("") == '#' && in.secondIs('_')) {
            in.skip(2);
            next();
            in.skipBlanksAndComments();
        }
    }

    /** A syntax error, with the character offset where it was noticed. */
    public static final class EdnException extends IllegalArgumentException {
        public EdnException(String message, int offset) {
            super(message + " (at offset " + offset + ")");
        }
    }
}
