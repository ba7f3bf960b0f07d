package io.glomers.runtime;

import io.glomers.testing.ShippedConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.sched.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Exactly one reply per request, whatever its handler throws; a JVM that cannot go on exits. */
class CrashReplyTest {

    /** Handlers that fail in every way a handler can. */
    static class Failing {
        @MessageType("fine_ok")
        record FineOk() {
        }

        record Request(String how) {
        }

        @MessageHandler("fine")
        FineOk fine(Request request) {
            return new FineOk();
        }

        @MessageHandler("fail")
        FineOk fail(Request request) {
            switch (request.how()) {
                case "assertion" -> throw new AssertionError("a broken invariant");
                case "oom" -> throw new OutOfMemoryError("Java heap space");
                case "recursion" -> recurse(0);
                case "internal" -> throw new InternalError("the JVM is broken");
                default -> throw new IllegalStateException("a bug");
            }
            return new FineOk();
        }

        private static int recurse(int depth) {
            return recurse(depth + 1) + 1;
        }
    }

    /** Records fatal verdicts instead of ending the test JVM. */
    static final class RecordingCrashPolicy extends CrashPolicy {
        final List<Integer> halts = new ArrayList<>();
        final CountDownLatch halted = new CountDownLatch(1);

        @Override
        protected void halt(int status) {
            halts.add(status);
            halted.countDown();
        }
    }

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final List<String> out = new ArrayList<>();
    private final RecordingCrashPolicy crashes = new RecordingCrashPolicy();
    private AnnotationConfigApplicationContext context;
    private Dispatcher dispatcher;
    private LineSink sink = out::add;
    private long nextMsgId = 1;

    @BeforeEach
    void setUp() {
        context = new AnnotationConfigApplicationContext();
        context.registerBean(Failing.class);
        context.registerBean(HandlerRegistry.class);
        context.refresh();
        Cluster cluster = TestClusters.initialized("n1", List.of("n1"));
        Messenger messenger = new Messenger(new Outbox(mapper, line -> sink.writeLine(line)), cluster, new VirtualTime(), ShippedConfig.bind(RuntimeProperties.PREFIX, RuntimeProperties.class));
        dispatcher = new Dispatcher(context.getBean(HandlerRegistry.class), messenger, cluster, mapper, crashes);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void anErrorFromAHandlerIsAnsweredWithCrashAndTheNodeGoesOn() {
        for (String how : List.of("bug", "assertion", "oom", "recursion")) {
            out.clear();
            long msgId = send("fail", how);
            assertThat(out).as(how).hasSize(1);
            JsonNode body = mapper.readTree(out.get(0)).get("body");
            assertThat(body.get("type").asString()).isEqualTo("error");
            assertThat(body.get("code").asInt()).isEqualTo(13);
            assertThat(body.get("in_reply_to").asLong()).isEqualTo(msgId);
            assertThat(body.get("text").asString()).contains("internal error");

            out.clear();
            send("fine", "after " + how);
            assertThat(out).as("served after " + how).singleElement().asString().contains("fine_ok");
        }
        assertThat(crashes.halts).as("all survivable").isEmpty();
    }

    @Test
    void aFailureWithoutMsgIdIsLoggedNotAnswered() {
        dispatcher.dispatch(new Envelope("c1", "n1", mapper.readTree("{\"type\":\"fail\",\"how\":\"oom\"}")));
        assertThat(out).isEmpty();
        assertThat(crashes.halts).isEmpty();
    }

    @Test
    void anErrorTheJvmCannotSurviveIsAnsweredThenEndsTheProcessNonZero() {
        long msgId = send("fail", "internal");
        assertThat(out).singleElement().satisfies(line -> {
            JsonNode body = mapper.readTree(line).get("body");
            assertThat(body.get("code").asInt()).isEqualTo(13);
            assertThat(body.get("in_reply_to").asLong()).isEqualTo(msgId);
        });
        assertThat(crashes.halts).containsExactly(CrashPolicy.FATAL_STATUS);
    }

    @Test
    void aFailureWhileAnsweringAFailureEndsTheProcess() {
        sink = line -> {
            throw new OutOfMemoryError("Java heap space");
        };
        send("fail", "oom");
        assertThat(crashes.halts).containsExactly(CrashPolicy.FATAL_STATUS);
    }

    @Test
    void theEventLoopSurvivesAFailingTaskButNotABrokenJvm() throws InterruptedException {
        ThreadEventLoop loop = new ThreadEventLoop(crashes, Duration.ZERO);
        try {
            CountDownLatch ran = new CountDownLatch(1);
            loop.execute(() -> {
                throw new OutOfMemoryError("one task's garbage");
            });
            loop.execute(ran::countDown);
            assertThat(ran.await(5, TimeUnit.SECONDS)).as("the next task runs").isTrue();
            assertThat(crashes.halts).isEmpty();

            loop.schedule(Duration.ZERO, () -> {
                throw new InternalError("the JVM is broken");
            });
            assertThat(crashes.halted.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(crashes.halts).containsExactly(CrashPolicy.FATAL_STATUS);
        } finally {
            loop.destroy();
        }
    }

    private long send(String type, String how) {
        long msgId = nextMsgId++;
        dispatcher.dispatch(new Envelope("c1", "n1", mapper.readTree(
                "{\"type\":\"" + type + "\",\"msg_id\":" + msgId + ",\"how\":\"" + how + "\"}")));
        return msgId;
    }
}
