package io.glomers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class EarlyStdinTest {

    private static final String INIT = "{\"src\":\"c0\",\"dest\":\"n1\",\"body\":{\"type\":\"init\",\"msg_id\":1,\"node_id\":\"n1\",\"node_ids\":[\"n1\"]}}";
    private static final String TOPOLOGY = "{\"src\":\"c1\",\"dest\":\"n1\",\"body\":{\"type\":\"topology\",\"msg_id\":2,\"topology\":{\"n1\":[]}}}";
    private static final String BROADCAST = "{\"src\":\"c2\",\"dest\":\"n1\",\"body\":{\"type\":\"broadcast\",\"msg_id\":3,\"message\":4}}";

    /** What the inbox would be given, in order: "line|answered", "unreadable: why", "end". */
    private static final class Recorder implements EarlyStdin.Target {
        final List<String> got = new ArrayList<>();
        final CountDownLatch ended = new CountDownLatch(1);

        final List<Long> ages = new ArrayList<>();

        @Override
        public synchronized void accept(String line, boolean answered, long ageMillis) {
            got.add(line + "|" + answered);
            ages.add(ageMillis);
        }

        @Override
        public synchronized void endOfInput() {
            got.add("end");
            ended.countDown();
        }

        @Override
        public synchronized void unreadable(String why) {
            got.add("unreadable: " + why);
        }

        synchronized List<String> got() {
            return List.copyOf(got);
        }
    }

    private final PipedOutputStream maelstrom = new PipedOutputStream();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    private void send(String... lines) throws IOException {
        for (String line : lines) {
            maelstrom.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        maelstrom.flush();
    }

    private List<String> written() {
        synchronized (stdout) {
            return stdout.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static final EarlyStdin.Deadlines AT_ONCE = new EarlyStdin.Deadlines(Duration.ZERO, Duration.ZERO);
    private static final EarlyStdin.Deadlines NEVER = new EarlyStdin.Deadlines(Duration.ofHours(1), Duration.ofHours(1));

    @Test
    void aContextReadyBeforeTheDeadlinesAnswersEverythingItself() throws Exception {
        EarlyStdin early = EarlyStdin.start(new PipedInputStream(maelstrom, 1 << 16), stdout, NEVER);
        send(INIT, TOPOLOGY);

        Recorder inbox = new Recorder();
        List<String> answered = early.handOver(inbox, 1 << 20);
        send(BROADCAST);
        maelstrom.close();

        assertThat(inbox.ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(answered).isEmpty();
        assertThat(written()).isEmpty();
        assertThat(inbox.got()).containsExactly(INIT + "|false", TOPOLOGY + "|false", BROADCAST + "|false", "end");
    }

    @Test
    void answersTheHandshakesAtTheirDeadlinesAndHandsEveryLineOverInOrder() throws Exception {
        EarlyStdin early = EarlyStdin.start(new PipedInputStream(maelstrom, 1 << 16), stdout, AT_ONCE);
        send(INIT, TOPOLOGY, BROADCAST);
        await(() -> written().size() == 2);

        Recorder inbox = new Recorder();
        List<String> answered = early.handOver(inbox, 1 << 20);
        send("{\"src\":\"c2\",\"dest\":\"n1\",\"body\":{\"type\":\"read\",\"msg_id\":4}}", INIT);
        maelstrom.close();

        assertThat(inbox.ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(written()).containsExactly(
                "{\"src\":\"n1\",\"dest\":\"c0\",\"body\":{\"type\":\"init_ok\",\"in_reply_to\":1}}",
                "{\"src\":\"n1\",\"dest\":\"c1\",\"body\":{\"type\":\"topology_ok\",\"in_reply_to\":2}}");
        assertThat(answered).isEqualTo(written());
        assertThat(inbox.got()).containsExactly(INIT + "|true", TOPOLOGY + "|true", BROADCAST + "|false",
                "{\"src\":\"c2\",\"dest\":\"n1\",\"body\":{\"type\":\"read\",\"msg_id\":4}}|false", INIT + "|false", "end");
    }

    /** Held lines go over with how long they waited, so that a reply a client no longer waits for is not sent. */
    @Test
    void heldLinesGoOverWithTheirAge() throws Exception {
        EarlyStdin early = EarlyStdin.start(new PipedInputStream(maelstrom, 1 << 16), stdout, NEVER);
        send(BROADCAST);
        await(() -> early.waiting() == 1);
        long heldSince = System.nanoTime();
        await(() -> System.nanoTime() - heldSince > TimeUnit.MILLISECONDS.toNanos(50));

        Recorder inbox = new Recorder();
        early.handOver(inbox, 1 << 20);
        send(BROADCAST);
        maelstrom.close();

        assertThat(inbox.ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(inbox.ages.get(0)).isGreaterThanOrEqualTo(50);
        assertThat(inbox.ages.get(1)).as("read after the hand-over").isZero();
    }

    /** Whether the input ends before or after the hand-over, the end comes once, after every line. */
    @Test
    void inputThatEndsEarlyEndsAfterItsLines() throws Exception {
        EarlyStdin early = EarlyStdin.start(new ByteArrayInputStream((INIT + "\n" + BROADCAST + "\n").getBytes(StandardCharsets.UTF_8)),
                stdout, AT_ONCE);
        await(() -> written().size() == 1);

        Recorder inbox = new Recorder();
        early.handOver(inbox, 1 << 20);

        assertThat(inbox.ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(inbox.got()).containsExactly(INIT + "|true", BROADCAST + "|false", "end");
    }

    @Test
    void aLineTooLongIsReportedAndTheNextOneStillArrives() throws Exception {
        EarlyStdin early = EarlyStdin.start(new PipedInputStream(maelstrom, 1 << 16), stdout, AT_ONCE);
        Recorder inbox = new Recorder();
        early.handOver(inbox, 10);
        send("x".repeat(50), "{}");
        maelstrom.close();

        assertThat(inbox.ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(inbox.got()).hasSize(3);
        assertThat(inbox.got().get(0)).startsWith("unreadable: Input line of 50 bytes exceeds the limit of 10 bytes");
        assertThat(inbox.got().subList(1, 3)).containsExactly("{}|false", "end");
        assertThat(written()).as("nothing is answered after the hand-over").isEmpty();
    }
}
