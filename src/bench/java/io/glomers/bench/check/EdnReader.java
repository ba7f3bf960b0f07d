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
 * A small EDN reader, enough for Maelstrom's {@code history.edn} and {@code results.edn}.
 *
 * <p>Values map to Java as: map -> {@link LinkedHashMap} (file order kept, for readable diffs),
 * vector and list -> {@link ArrayList}, set -> {@link LinkedHashSet}, keyword -> {@link Keyword},
 * symbol -> {@link EdnSymbol}, integer -> {@link Long} ({@link BigInteger} if too large or with an
 * {@code N} suffix), float -> {@link Double} ({@link BigDecimal} with an {@code M} suffix), ratio ->
 * {@link Double}, string -> {@link String}, character -> {@link Character}, nil -> {@code null}.
 * A tagged literal such as {@code #jepsen.history.Op{...}} reads as its inner value: the tag only
 * names the record type Jepsen printed, and the fields are what we compare.
 */
public final class EdnReader {

    private final String text;
    private int pos;

    public EdnReader(String text) {
        this.text = text;
    }

    /** Reads exactly one form from {@code text}; anything but whitespace after it is an error. */
    public static Object readOne(String text) {
        EdnReader reader = new EdnReader(text);
        if (!reader.hasNext()) {
            throw new EdnException("no EDN form in input", 0);
        }
        Object value = reader.next();
        if (reader.hasNext()) {
            throw new EdnException("more than one EDN form in input", reader.pos);
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

    /** True when another form follows (skips whitespace, comments and {@code #_} discards). */
    public boolean hasNext() {
        skipIgnorable();
        return pos < text.length();
    }

    public Object next() {
        skipIgnorable();
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                pos++;
                return readMap();
            case '[':
                pos++;
                return readSeq(']');
            case '(':
                pos++;
                return readSeq(')');
            case '"':
                pos++;
                return readString();
            case ':':
                pos++;
                return new Keyword(readToken());
            case '\\':
                pos++;
                return readCharacter();
            case '#':
                pos++;
                return readDispatch();
            case ')', ']', '}':
                throw error("unmatched '" + c + "'");
            default:
                return readAtom(readToken());
        }
    }

    private Map<Object, Object> readMap() {
        Map<Object, Object> map = new LinkedHashMap<>();
        while (true) {
            skipIgnorable();
            if (peekIs('}')) {
                pos++;
                return map;
            }
            Object key = next();
            skipIgnorable();
            if (peekIs('}')) {
                throw error("map literal has a key without a value: " + key);
            }
            map.put(key, next());
        }
    }

    private List<Object> readSeq(char close) {
        List<Object> items = new ArrayList<>();
        while (true) {
            skipIgnorable();
            if (peekIs(close)) {
                pos++;
                return items;
            }
            items.add(next());
        }
    }

    private Object readDispatch() {
        if (pos >= text.length()) {
            throw error("'#' at end of input");
        }
        char c = text.charAt(pos);
        if (c == '{') {
            pos++;
            Set<Object> set = new LinkedHashSet<>(readSeq('}'));
            return set;
        }
        if (c == '#') {
            pos++;
            String name = readToken();
            return switch (name) {
                case "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> throw error("unknown symbolic value ##" + name);
            };
        }
        if (c == '_') {
            // Handled by skipIgnorable; reaching here means "#_" was the last thing before a closer.
            throw error("'#_' discards nothing");
        }
        String tag = readToken();
        if (tag.isEmpty()) {
            throw error("'#' without a tag");
        }
        return next();
    }

    private String readString() {
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("truncated \\u escape");
                    }
                    sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> throw error("unknown string escape \\" + e);
            }
        }
        throw error("unterminated string");
    }

    private Character readCharacter() {
        // The first character is taken even if it is a delimiter: "\(" is the character '('.
        if (pos >= text.length()) {
            throw error("'\\' at end of input");
        }
        int start = pos++;
        while (pos < text.length() && !isDelimiter(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (name.length() == 1) {
            return name.charAt(0);
        }
        return switch (name) {
            case "newline" -> '\n';
            case "space" -> ' ';
            case "tab" -> '\t';
            case "return" -> '\r';
            case "backspace" -> '\b';
            case "formfeed" -> '\f';
            default -> {
                if (name.startsWith("u") && name.length() == 5) {
                    yield (char) Integer.parseInt(name.substring(1), 16);
                }
                throw error("unknown character \\" + name);
            }
        };
    }

    private Object readAtom(String token) {
        if (token.isEmpty()) {
            throw error("unexpected character '" + text.charAt(pos) + "'");
        }
        switch (token) {
            case "nil":
                return null;
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                break;
        }
        char first = token.charAt(0);
        boolean signed = first == '+' || first == '-';
        if (Character.isDigit(first) || (signed && token.length() > 1 && Character.isDigit(token.charAt(1)))) {
            return readNumber(token);
        }
        return new EdnSymbol(token);
    }

    private Object readNumber(String token) {
        try {
            if (token.endsWith("N")) {
                return new BigInteger(token.substring(0, token.length() - 1));
            }
            if (token.endsWith("M")) {
                return new BigDecimal(token.substring(0, token.length() - 1));
            }
            int slash = token.indexOf('/');
            if (slash > 0) {
                // Clojure prints ratios (e.g. 1/3); EDN has none, so a double is the closest honest value.
                return new BigDecimal(token.substring(0, slash))
                        .divide(new BigDecimal(token.substring(slash + 1)), java.math.MathContext.DECIMAL64)
                        .doubleValue();
            }
            if (token.indexOf('.') >= 0 || token.indexOf('e') >= 0 || token.indexOf('E') >= 0) {
                return Double.parseDouble(token);
            }
            BigInteger big = new BigInteger(token.startsWith("+") ? token.substring(1) : token);
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        } catch (NumberFormatException | ArithmeticException e) {
            throw error("bad number '" + token + "'");
        }
    }

    private String readToken() {
        int start = pos;
        while (pos < text.length() && !isDelimiter(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void skipIgnorable() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ';') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '#' && pos + 1 < text.length() && text.charAt(pos + 1) == '_') {
                pos += 2;
                next();
            } else if (isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    private boolean peekIs(char c) {
        if (pos >= text.length()) {
            throw error("unexpected end of input, expected '" + c + "'");
        }
        return text.charAt(pos) == c;
    }

    private static boolean isWhitespace(char c) {
        return c == ',' || Character.isWhitespace(c);
    }

    private static boolean isDelimiter(char c) {
        return isWhitespace(c) || "()[]{}\";".indexOf(c) >= 0;
    }

    private EdnException error(String message) {
        return new EdnException(message, pos);
    }

    /** A syntax error, with the character offset where it was noticed. */
    public static final class EdnException extends IllegalArgumentException {
        public EdnException(String message, int offset) {
            super(message + " (at offset " + offset + ")");
        }
    }
}
