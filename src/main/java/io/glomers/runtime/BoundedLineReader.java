package io.glomers.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines with a ceiling on their length, so that one enormous line costs a skip and a log
 * line instead of the heap. {@link java.io.BufferedReader#readLine()} would buffer it whole.
 */
public class BoundedLineReader {

    private final InputStream in;
    private volatile int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;

    public BoundedLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Changes the ceiling for the lines read from now on (the configured one, once the context knows it). */
    public void limit(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * The next line without its terminator ({@code \n} or {@code \r\n}), or {@code null} at end of input.
     *
     * @throws LineTooLongException after skipping the rest of a line longer than the ceiling
     */
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long length = 0;
        while (true) {
            if (position == limit && !fill()) {
                if (length == 0) {
                    return null;
                }
                return finish(line, length);
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            if (length + chunk <= maxLineBytes) {
                line.write(buffer, start, chunk);
            }
            length += chunk;
            if (position < limit) {
                position++; // the newline
                return finish(line, length);
            }
        }
    }

    private String finish(ByteArrayOutputStream line, long length) {
        if (length > maxLineBytes) {
            throw new LineTooLongException(length, maxLineBytes);
        }
        int size = line.size();
        byte[] bytes = line.toByteArray();
        if (size > 0 && bytes[size - 1] == '\r') {
            size--;
        }
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    /** A line over the ceiling; it has been consumed, the next read starts on the following line. */
    public static class LineTooLongException extends RuntimeException {
        LineTooLongException(long length, int max) {
            super("line of " + length + " bytes exceeds the limit of " + max + " bytes; skipped");
        }
    }
}
