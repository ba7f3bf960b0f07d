package io.glomers.runtime;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes protocol lines to the process's real stdout descriptor, whole lines only. It does not use
 * {@code System.out}, which the application points at stderr so that stray prints cannot corrupt
 * the protocol stream.
 */
public class StdoutLineSink implements LineSink {

    private final OutputStream out;

    public StdoutLineSink() {
        this(new FileOutputStream(FileDescriptor.out));
    }

    public StdoutLineSink(OutputStream out) {
        this.out = out;
    }

    @Override
    public void writeLine(String line) {
        writeLine(line.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void writeLine(byte[] utf8Line) {
        byte[] bytes = Arrays.copyOf(utf8Line, utf8Line.length + 1); // one write: a line is never split between writers
        bytes[utf8Line.length] = '\n';
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("stdout is gone", e);
        }
    }
}
