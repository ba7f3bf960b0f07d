package io.glomers.bench.check;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders Java values as EDN text, in the shapes {@link EdnReader} reads back.
 *
 * <p>{@link List} -> vector, {@link EdnList} -> list, {@link Set} -> set, {@link Map} -> map,
 * {@link EdnTagged} -> tagged literal. Numbers print the way Clojure prints them, because results
 * are compared with Maelstrom's by eye: {@link Float} via {@link Float#toString} (Maelstrom's
 * {@code :msgs-per-op} is a Clojure float), {@link Double} via {@link Double#toString}.
 *
 * <p>{@link #pretty} lays text out as fipp (the printer Jepsen's store writes results.edn with)
 * does: a collection that fits the rest of the line stays on it, one that does not puts each entry
 * or element on a line of its own, aligned after the opening bracket (a map's value stays beside
 * its key). {@code MaelstromLayoutTest} prints Maelstrom's own results.edn back byte for byte.
 */
public final class EdnWriter {

    private EdnWriter() {
    }

    /** One line, entries separated like Clojure prints them ({@code {:a 1, :b 2}}). */
    public static String compact(Object value) {
        StringBuilder sb = new StringBuilder();
        writeCompact(sb, value);
        return sb.toString();
    }

    /** Multi-line rendering that keeps every line within {@code width} where it can. */
    public static String pretty(Object value, int width) {
        StringBuilder sb = new StringBuilder();
        writePretty(sb, value, 0, width);
        return sb.toString();
    }

    private static void writeCompact(StringBuilder sb, Object value) {
        if (value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                writeCompact(sb, e.getKey());
                sb.append(' ');
                writeCompact(sb, e.getValue());
            }
            sb.append('}');
        } else if (value instanceof EdnTagged tagged) {
            sb.append('#').append(tagged.tag());
            if (!isCollection(tagged.value())) {
                sb.append(' ');
            }
            writeCompact(sb, tagged.value());
        } else if (isCollection(value)) {
            sb.append(opener(value));
            boolean first = true;
            for (Object item : items(value)) {
                if (!first) {
                    sb.append(' ');
                }
                first = false;
                writeCompact(sb, item);
            }
            sb.append(closer(value));
        } else {
            sb.append(scalar(value));
        }
    }

    private static void writePretty(StringBuilder sb, Object value, int indent, int width) {
        String flat = compact(value);
        if (indent + flat.length() <= width || !(isCollection(value) || value instanceof EdnTagged)) {
            sb.append(flat);
            return;
        }
        if (value instanceof EdnTagged tagged) {
            String head = "#" + tagged.tag() + (isCollection(tagged.value()) ? "" : " ");
            sb.append(head);
            writePretty(sb, tagged.value(), indent + head.length(), width);
            return;
        }
        int inner = indent + 1;
        if (value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    sb.append(",\n").append(" ".repeat(inner));
                }
                first = false;
                String key = compact(e.getKey());
                sb.append(key).append(' ');
                writePretty(sb, e.getValue(), inner + key.length() + 1, width);
            }
            sb.append('}');
            return;
        }
        sb.append(opener(value));
        inner = indent + opener(value).length();
        List<Object> items = items(value);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append('\n').append(" ".repeat(inner));
            }
            writePretty(sb, items.get(i), inner, width);
        }
        sb.append(closer(value));
    }

    private static boolean isCollection(Object value) {
        return value instanceof Map || value instanceof Collection;
    }

    private static String opener(Object value) {
        if (value instanceof Map) {
            return "{";
        }
        if (value instanceof Set) {
            return "#{";
        }
        return value instanceof EdnList ? "(" : "[";
    }

    private static String closer(Object value) {
        if (value instanceof Map || value instanceof Set) {
            return "}";
        }
        return value instanceof EdnList ? ")" : "]";
    }

    private static List<Object> items(Object value) {
        return new ArrayList<>((Collection<?>) value);
    }

    private static String scalar(Object value) {
        if (value == null) {
            return "nil";
        }
        if (value instanceof String s) {
            return string(s);
        }
        if (value instanceof Character c) {
            return character(c);
        }
        if (value instanceof BigInteger big) {
            return big + "N";
        }
        if (value instanceof BigDecimal dec) {
            return dec.toPlainString() + "M";
        }
        if (value instanceof Double d && (d.isInfinite() || d.isNaN())) {
            return d.isNaN() ? "##NaN" : (d > 0 ? "##Inf" : "##-Inf");
        }
        if (value instanceof Float f && (f.isInfinite() || f.isNaN())) {
            return f.isNaN() ? "##NaN" : (f > 0 ? "##Inf" : "##-Inf");
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Keyword
                || value instanceof EdnSymbol) {
            return value.toString();
        }
        if (value instanceof Enum<?> e) {
            // Enums stand for keywords in our own records (e.g. an op type); print them as such.
            return ":" + e.name().toLowerCase(java.util.Locale.ROOT);
        }
        // Anything else is a description we only want to show, not read back exactly.
        return string(value.toString());
    }

    private static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String character(char c) {
        return switch (c) {
            case '\n' -> "\\newline";
            case ' ' -> "\\space";
            case '\t' -> "\\tab";
            case '\r' -> "\\return";
            default -> "\\" + c;
        };
    }
}
