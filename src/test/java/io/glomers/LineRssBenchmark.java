package io.glomers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The cost of one input line: for each shape of hostile line, as long as the line-length limit
 * allows, a fresh node started through {@code bin/broadcast-node} (the packaged launcher, its heap
 * and flags) gets {@code init}, the line, then a {@code read}; printed are the node's answer to the
 * line, whether it still serves, and its peak RSS ({@code VmHWM}). Needs {@code ./mvnw package}.
 * Prints figures (docs/benchmarks.md); not a test. Linux only.
 *
 * <pre>java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.glomers.LineRssBenchmark [LIMIT_BYTES]</pre>
 */
public final class LineRssBenchmark {

    private static final String INIT = "{\"src\":\"c0\",\"dest\":\"n0\",\"body\":{\"type\":\"init\",\"msg_id\":1,"
            + "\"node_id\":\"n0\",\"node_ids\":[\"n0\",\"n1\"]}}";
    private static final String READ = "{\"src\":\"c1\",\"dest\":\"n0\",\"body\":{\"type\":\"read\",\"msg_id\":3}}";

    private LineRssBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : 4 << 20;
        int room = limit - 200;
        Map<String, IntFunction<String>> shapes = new LinkedHashMap<>();
        shapes.put("idle (init and read only)", size -> null);
        shapes.put("broadcast, message = array of distinct numbers", size -> client("broadcast", "\"message\":" + numbers(size, 100_000)));
        shapes.put("read with an unknown field of numbers", size -> client("read", "\"padding\":" + numbers(size, 100_000)));
        shapes.put("gossip, values beyond the cap", size -> gossip("\"values\":" + numbers(size - 20, 1_000_000) + ",\"have\":[]"));
        shapes.put("gossip, 2-value ranges beyond the cap", size -> gossip("\"values\":[],\"have\":" + ranges(size - 20)));
        shapes.put("object with many distinct keys", size -> client("read", "\"x\":" + keys(size)));
        shapes.put("one long string", size -> client("broadcast", "\"message\":\"" + "x".repeat(size) + "\""));
        shapes.put("fractions", size -> client("read", "\"f\":" + repeated(size, "1.5e300,")));
        shapes.put("nesting 1000 deep, then numbers", size -> client("read", "\"n\":" + "[".repeat(1000) + "]".repeat(1000)
                + ",\"m\":" + numbers(size - 2000, 100_000)));
        shapes.put("a number of 1,000,000 digits", size -> client("broadcast", "\"message\":" + "9".repeat(1_000_000)));
        shapes.put("a line 1 byte over the limit", size -> client("read", "\"x\":\"" + "y".repeat(size + 201) + "\""));
        System.out.printf("line limit %,d bytes%n", limit);
        System.out.printf("%-48s %12s %10s %-8s %s%n", "line", "bytes", "peak RSS", "serves", "answer");
        for (Map.Entry<String, IntFunction<String>> shape : shapes.entrySet()) {
            measure(shape.getKey(), shape.getValue().apply(room));
        }
    }

    private static void measure(String name, String line) throws Exception {
        Process node = new ProcessBuilder("bin/broadcast-node").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BlockingQueue<String> out = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = lines.readLine(); l != null; l = lines.readLine()) {
                    // Replies to the clients and the answer to the line (a gossip's goes to n1); not the node's own gossip.
                    if (l.contains("\"dest\":\"c") || l.contains("\"in_reply_to\":2")) {
                        out.add(l);
                    }
                }
            } catch (IOException ignored) {
                // the node ended
            }
        });
        reader.start();
        OutputStream in = node.getOutputStream();
        send(in, INIT);
        String initOk = out.poll(60, TimeUnit.SECONDS);
        String answer = "-";
        if (line != null) {
            send(in, line);
        }
        send(in, READ);
        String first = out.poll(120, TimeUnit.SECONDS);
        String readOk = first;
        if (first != null && !first.contains("read_ok")) {
            answer = first;
            readOk = out.poll(60, TimeUnit.SECONDS);
        }
        long peak = peakRss(node.pid());
        in.close();
        node.waitFor(30, TimeUnit.SECONDS);
        boolean serves = initOk != null && readOk != null && readOk.contains("read_ok");
        System.out.printf("%-48s %,12d %7.1f MB %-8s %s%n", name, line == null ? 0 : line.length(), peak / 1024.0,
                serves ? "yes" : "NO", excerpt(text(answer)));
        node.destroyForcibly();
    }

    /** The error text of an answer, or the answer; by indexOf, not a regex, which is quadratic on a long line. */
    private static String text(String answer) {
        int at = answer.indexOf("\"text\":");
        return at < 0 ? answer : answer.substring(at + 7);
    }

    private static String excerpt(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }

    private static void send(OutputStream in, String line) throws IOException {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private static long peakRss(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (l.startsWith("VmHWM:")) {
                return Long.parseLong(l.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static String client(String type, String fields) {
        return "{\"src\":\"c1\",\"dest\":\"n0\",\"body\":{\"type\":\"" + type + "\",\"msg_id\":2," + fields + "}}";
    }

    private static String gossip(String fields) {
        return "{\"src\":\"n1\",\"dest\":\"n0\",\"body\":{\"type\":\"gossip\",\"msg_id\":2,\"epoch\":5,\"peer_epoch\":0," + fields + "}}";
    }

    /** A JSON array of distinct numbers from {@code from}, about {@code size} characters long. */
    private static String numbers(int size, long from) {
        StringBuilder out = new StringBuilder(size + 32).append('[');
        for (long v = from; out.length() < size; v++) {
            out.append(v).append(',');
        }
        out.setCharAt(out.length() - 1, ']');
        return out.toString();
    }

    private static String ranges(int size) {
        StringBuilder out = new StringBuilder(size + 64).append('[');
        for (long v = 1_000_000; out.length() < size; v += 3) {
            out.append('[').append(v).append(',').append(v + 1).append("],");
        }
        out.setCharAt(out.length() - 1, ']');
        return out.toString();
    }

    private static String keys(int size) {
        StringBuilder out = new StringBuilder(size + 32).append('{');
        for (long k = 0; out.length() < size; k++) {
            out.append("\"k").append(k).append("\":0,");
        }
        out.setCharAt(out.length() - 1, '}');
        return out.toString();
    }

    private static String repeated(int size, String item) {
        StringBuilder out = new StringBuilder(size + 32).append('[');
        while (out.length() < size) {
            out.append(item);
        }
        out.setCharAt(out.length() - 1, ']');
        return out.toString();
    }
}
