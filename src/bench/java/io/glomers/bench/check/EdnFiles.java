package io.glomers.bench.check;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads EDN files, plain or gzipped. Large Maelstrom histories are stored as {@code history.edn.gz},
 * so a caller may name either form: {@code history.edn} falls back to {@code history.edn.gz}.
 * Compression is detected from the gzip magic bytes, not the name, so a misnamed file still reads.
 */
public final class EdnFiles {

    private EdnFiles() {
    }

    /** The file itself if it exists, else the same name with {@code .gz} appended if that exists. */
    public static Path resolve(Path path) {
        if (Files.exists(path)) {
            return path;
        }
        Path gz = path.resolveSibling(path.getFileName() + ".gz");
        if (Files.exists(gz)) {
            return gz;
        }
        throw new UncheckedIOException(new IOException("no such EDN file: " + path + " (nor " + gz + ")"));
    }

    public static String readText(Path path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resolve(path), e);
        }
    }

    /** A reader of the file's text, for one-form-per-line files too large to hold as one string. */
    public static BufferedReader newReader(Path path) throws IOException {
        return new BufferedReader(new InputStreamReader(open(path), StandardCharsets.UTF_8));
    }

    private static InputStream open(Path path) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(resolve(path)));
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        return (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(raw) : raw;
    }

    /** The single form in a file such as {@code results.edn}. */
    public static Object readOne(Path path) {
        return EdnReader.readOne(readText(path));
    }

    /** Every top-level form in a file such as {@code history.edn}. */
    public static List<Object> readAll(Path path) {
        return EdnReader.readAll(readText(path));
    }
}
