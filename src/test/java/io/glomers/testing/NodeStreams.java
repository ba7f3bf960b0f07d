package io.glomers.testing;

import io.glomers.runtime.LineSink;
import io.glomers.runtime.ProtocolInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node's stdin and stdout for tests: lines written here reach the node's input stream, lines the
 * node sends are queued for {@link #nextLine(Duration)}. Registered before the context refreshes,
 * it replaces the runtime's stdin/stdout beans.
 */
public class NodeStreams implements LineSink, ProtocolInput {

    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> input = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();

    /** Sends one line to the node. */
    public void send(String line) {
        input.add((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Closes the node's stdin. */
    public void endInput() {
        input.add(END);
    }

    /** The next line the node wrote, waiting at most {@code timeout}; fails when none came. */
    public String nextLine(Duration timeout) {
        String line = pollLine(timeout);
        if (line == null) {
            throw new AssertionError("the node wrote nothing within " + timeout);
        }
        return line;
    }

    /** The next line the node wrote, or {@code null} when none came within {@code timeout}. */
    public String pollLine(Duration timeout) {
        try {
            return output.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Lines written and not yet taken. */
    public List<String> drainLines() {
        List<String> lines = new ArrayList<>();
        output.drainTo(lines);
        return lines;
    }

    @Override
    public void writeLine(String line) {
        output.add(line);
    }

    @Override
    public InputStream open() {
        return new InputStream() {
            private byte[] chunk = new byte[0];
            private int position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                while (chunk != END && position == chunk.length) {
                    try {
                        chunk = input.take();
                        position = 0;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                }
                if (chunk == END) {
                    return -1;
                }
                int count = Math.min(length, chunk.length - position);
                System.arraycopy(chunk, position, buffer, offset, count);
                position += count;
                return count;
            }
        };
    }

    /** Puts a fresh {@link NodeStreams} into a context as its stdin and stdout. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getBeanFactory().registerSingleton("nodeStreams", new NodeStreams());
        }
    }
}
