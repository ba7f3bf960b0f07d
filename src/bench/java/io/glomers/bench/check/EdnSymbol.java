package io.glomers.bench.check;

/** An EDN symbol (a bare word that is not nil, true, false or a number), e.g. {@code foo/bar}. */
public record EdnSymbol(String name) {

    @Override
    public String toString() {
        return name;
    }
}
