package io.glomers.broadcast;

import io.glomers.BroadcastNodeApplication;
import io.glomers.runtime.EventLoop;
import io.glomers.runtime.Inbox;
import io.glomers.testing.NodeStreams;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node holding a million values: how long they take to store, and how long a {@code read} of all
 * of them takes through the real inbox, dispatcher and outbox. Prints figures (docs/benchmarks.md);
 * not a test, so a busy machine cannot make the suite flaky.
 *
 * <pre>java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.glomers.broadcast.LargeSetBenchmark</pre>
 */
public final class LargeSetBenchmark {

    private static final int VALUES = 1_000_000;

    private LargeSetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BroadcastNodeApplication.class)
                .web(WebApplicationType.NONE).properties("node.runtime.read-stdin=false")
                .initializers(new NodeStreams.Initializer()).run();
        NodeStreams io = context.getBean(NodeStreams.class);
        Inbox inbox = context.getBean(Inbox.class);
        inbox.accept("{\"src\":\"c0\",\"dest\":\"n0\",\"body\":{\"type\":\"init\",\"msg_id\":1,\"node_id\":\"n0\",\"node_ids\":[\"n0\"]}}");
        io.nextLine(Duration.ofSeconds(10));

        Gossiper gossiper = context.getBean(Gossiper.class);
        CountDownLatch stored = new CountDownLatch(1);
        long start = System.nanoTime();
        context.getBean(EventLoop.class).execute(() -> {
            for (long value = 0; value < VALUES; value++) {
                gossiper.accept(value);
            }
            stored.countDown();
        });
        stored.await();
        System.out.printf("%,d values stored: %d ms%n", VALUES, (System.nanoTime() - start) / 1_000_000);
        for (int i = 0; i < 5; i++) {
            long readStart = System.nanoTime();
            inbox.accept("{\"src\":\"c1\",\"dest\":\"n0\",\"body\":{\"type\":\"read\",\"msg_id\":" + (10 + i) + "}}");
            String reply = io.nextLine(Duration.ofSeconds(60));
            System.out.printf("read of %,d values: %d ms (reply line %,d bytes)%n", VALUES,
                    (System.nanoTime() - readStart) / 1_000_000, reply.length());
        }
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("heap in use after GC: %d MB%n", (runtime.totalMemory() - runtime.freeMemory()) >> 20);
        context.close();
        System.exit(0);
    }
}
