package io.glomers.bench.view;

import java.util.List;

/**
 * An operation's value as the timeline shows it. A 3d read returns thousands of values; printing
 * each in every bar would make the page megabytes of digits, so long lists show their ends and size.
 */
public final class ValueText {

    static final int HEAD = 8;
    static final int TAIL = 3;

    private ValueText() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "nil";
        }
        if (value instanceof List<?> list) {
            if (list.size() <= HEAD + TAIL) {
                return "[" + join(list) + "]";
            }
            return "[" + join(list.subList(0, HEAD)) + " … " + join(list.subList(list.size() - TAIL, list.size()))
                    + "] (" + list.size() + " values)";
        }
        return String.valueOf(value);
    }

    private static String join(List<?> items) {
        StringBuilder out = new StringBuilder();
        for (Object item : items) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(item);
        }
        return out.toString();
    }
}
