package io.glomers.bench.check;

/**
 * An EDN keyword such as {@code :valid?}, held without its leading colon.
 * A record so that keywords read from a file compare equal to keywords built in code,
 * which is what makes map lookups like {@code map.get(Keyword.of("workload"))} work.
 */
public record Keyword(String name) {

    public static Keyword of(String name) {
        return new Keyword(name);
    }

    @Override
    public String toString() {
        return ":" + name;
    }
}
