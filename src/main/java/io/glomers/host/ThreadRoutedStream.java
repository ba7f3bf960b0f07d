package io.glomers.host;

import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code System.err} of a host: each hosted node's threads write to that node's stderr, so that
 * Maelstrom files every node's log lines under that node. A node's threads inherit the route from
 * the thread that starts the node; a thread of no node writes to the host's own stderr.
 */
final class ThreadRoutedStream extends OutputStream {

    private final OutputStream fallback;
    private final InheritableThreadLocal<OutputStream> route = new InheritableThreadLocal<>();

    ThreadRoutedStream(OutputStream fallback) {
        this.fallback = fallback;
    }

    /** From now on this thread, and every thread it starts, writes to {@code stream}. */
    void routeCurrentThread(OutputStream stream) {
        route.set(stream);
    }

    private OutputStream target() {
        OutputStream stream = route.get();
        return stream != null ? stream : fallback;
    }

    @Override
    public void write(int b) throws IOException {
        target().write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        target().write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        target().flush();
    }
}
