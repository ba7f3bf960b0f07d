package io.glomers.broadcast;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a {@code read_ok} of n values costs the node's loop: the set walked into a {@code long[]} and every number
 * formatted by Jackson into a string, then encoded (before), beside the store's JSON text copied as bytes
 * ({@link ValuesJson}, now). Both in one JVM, alternating rounds; the ratio is what to compare. Run it with the
 * shared JVM's compiler flags to see what a node pays there (C1 only: bin/broadcast-node):
 *
 * <pre>java -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC \
 *     -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.glomers.broadcast.ReadReplyBenchmark</pre>
 */
public final class ReadReplyBenchmark {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final long BYTES_PER_ROUND = 400_000_000;

    record Message(String src, String dest, Object body) {
    }

    record ArrayReadOk(String type, long inReplyTo, long[] messages) {
    }

    private ReadReplyBenchmark() {
    }

    public static void main(String[] args) {
        for (int values : new int[] {1_000, 10_000, 100_000}) {
            MessageStore store = new MessageStore();
            for (long value = 0; value < values; value++) {
                store.add(value * 7 % values); // Maelstrom's values come in about this order: every one, out of turn
            }
            for (int round = 1; round <= 3; round++) {
                int reads = (int) Math.max(10, BYTES_PER_ROUND / 7 / values / 10);
                double before = microsPerRead(reads, () -> arrayReply(store));
                double now = microsPerRead(reads, () -> snapshotReply(store));
                System.out.printf("%,7d values, round %d: array %8.1f us a read, JSON text %7.1f us, ratio %.3f%n",
                        values, round, before, now, now / before);
            }
        }
    }

    private static int arrayReply(MessageStore store) {
        String line = MAPPER.writeValueAsString(new Message("n1", "c1", new ArrayReadOk("read_ok", 1, store.toArray())));
        return (line + "\n").getBytes(StandardCharsets.UTF_8).length;
    }

    private static int snapshotReply(MessageStore store) {
        byte[] line = MAPPER.writeValueAsBytes(new Message("n1", "c1", new BroadcastHandlers.ReadOk(store.toJson())));
        return Arrays.copyOf(line, line.length + 1).length; // the newline, as StdoutLineSink adds it
    }

    private static double microsPerRead(int reads, IntSupplier reply) {
        long bytes = 0;
        long started = System.nanoTime();
        for (int i = 0; i < reads; i++) {
            bytes += reply.getAsInt();
        }
        if (bytes == 0) {
            throw new IllegalStateException("no reply written");
        }
        return (System.nanoTime() - started) / 1e3 / reads;
    }
}
