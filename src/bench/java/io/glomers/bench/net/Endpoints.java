package io.glomers.bench.net;

/** Maelstrom's naming: servers are {@code n0..}, clients {@code c1..}; a client is at one end of a client link. */
public final class Endpoints {

    private Endpoints() {
    }

    public static boolean isClient(String id) {
        return id.startsWith("c");
    }

    public static String node(int index) {
        return "n" + index;
    }
}
