package io.glomers.bench.check;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * The lexical half of {@link EdnReader}: where it is in the text, and the forms that are one
 * token (numbers, symbols, nil, booleans), strings and characters. The reader does the nesting.
 */
final class EdnScanner {

    /** Digits (a sign included) that always fit a long: Long.MAX_VALUE has 19. */
    private static final int MAX_LONG_DIGITS = 18;

    private final String text;
    private int pos;

    EdnScanner(String text) {
        this.text = text;
    }

    int position() {
        return pos;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    /** The next character, not consumed; at the end an error naming what was expected. */
    char peek(String expected) {
        if (atEnd()) {
            throw error("unexpected end of input, expected " + expected);
        }
        return text.charAt(pos);
    }

    /** The character after the next one is {@code c}. */
    boolean secondIs(char c) {
        return pos + 1 < text.length() && text.charAt(pos + 1) == c;
    }

    void skip(int chars) {
        pos += chars;
    }

    /** Whitespace (commas are whitespace in EDN) and {@code ;} comments; {@code #_} is the reader's. */
    void skipBlanksAndComments() {
        while (!atEnd()) {
            char c = text.charAt(pos);
            if (c == ';') {
                while (!atEnd() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    /** After the opening quote. */
    String readString() {
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

    /** After the backslash. */
    Character readCharacter() {
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

    /** A form that is one token: nil, a boolean, a number or a symbol. */
    Object readAtom(String token) {
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
                        .divide(new BigDecimal(token.substring(slash + 1)), MathContext.DECIMAL64)
                        .doubleValue();
            }
            if (token.indexOf('.') >= 0 || token.indexOf('e') >= 0 || token.indexOf('E') >= 0) {
                return Double.parseDouble(token);
            }
            String digits = token.startsWith("+") ? token.substring(1) : token;
            if (digits.length() <= MAX_LONG_DIGITS) {
                // Every value of a history is one of these: parsed straight, not through a BigInteger.
                return Long.parseLong(digits);
            }
            BigInteger big = new BigInteger(digits);
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        } catch (NumberFormatException | ArithmeticException e) {
            throw error("bad number '" + token + "'");
        }
    }

    String readToken() {
        int start = pos;
        while (pos < text.length() && !isDelimiter(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private static boolean isWhitespace(char c) {
        return c == ',' || Character.isWhitespace(c);
    }

    private static boolean isDelimiter(char c) {
        return isWhitespace(c) || "()[]{}\";".indexOf(c) >= 0;
    }

    EdnReader.EdnException error(String message) {
        return new EdnReader.EdnException(message, pos);
    }
}
