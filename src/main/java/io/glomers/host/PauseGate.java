package io.glomers.host;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * A stopped launcher (SIGSTOP, the bench's pause nemesis) stands for a paused node: a paused JVM
 * reads and writes nothing. The host cannot stop one context's threads, so it closes the node's
 * input and output instead; the node's timers may still run, and what they send waits here until
 * the launcher is continued.
 */
final class PauseGate {

    private boolean paused;

    synchronized void set(boolean paused) {
        this.paused = paused;
        notifyAll();
    }

    synchronized boolean isPaused() {
        return paused;
    }

    private synchronized void awaitOpen() throws InterruptedIOException {
        while (paused) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the node is paused");
            }
        }
    }

    InputStream gate(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                awaitOpen();
                return super.read();
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                awaitOpen();
                return in.read(bytes, offset, length);
            }
        };
    }

    OutputStream gate(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                awaitOpen();
                out.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                awaitOpen();
                out.write(bytes, offset, length);
            }
        };
    }
}
