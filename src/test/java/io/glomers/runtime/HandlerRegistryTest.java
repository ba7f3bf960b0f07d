package io.glomers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.testing.NodeStreams;
import org.junit.jupiter.api.Test;
import io.glomers.testing.ShippedConfig;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The registry refuses to start a node whose handlers are ambiguous or cannot be called. */
class HandlerRegistryTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new NodeStreams.Initializer())
            .withInitializer(ShippedConfig.initializer())
            .withUserConfiguration(RuntimeConfiguration.class, HandlerRegistry.class, Cluster.class, Outbox.class,
                    Messenger.class, NodeLifecycle.class);

    record Ping(int n) {
    }

    @MessageType("pong")
    record Pong(int n) {
    }

    static class GoodHandlers {
        @MessageHandler("ping")
        Pong ping(Ping ping) {
            return new Pong(ping.n());
        }

        @MessageHandler("ping_with_envelope")
        void pingFrom(Envelope envelope, Ping ping) {
        }
    }

    static class AnotherPingHandler {
        @MessageHandler("ping")
        Pong ping(Ping ping) {
            return new Pong(0);
        }
    }

    static class TwoBodies {
        @MessageHandler("ping")
        Pong ping(Ping ping, Pong pong) {
            return pong;
        }
    }

    static class NotARecord {
        @MessageHandler("ping")
        Pong ping(String body) {
            return null;
        }
    }

    static class UntypedReply {
        @MessageHandler("ping")
        Ping ping(Ping ping) {
            return ping;
        }
    }

    static class NoBody {
        @MessageHandler("ping")
        void ping(Envelope envelope) {
        }
    }

    static class PrivateHandler {
        @MessageHandler("ping")
        private Pong ping(Ping ping) {
            return new Pong(ping.n());
        }
    }

    private record Secret(int n) {
    }

    static class PrivateBody {
        @MessageHandler("ping")
        void ping(Secret secret) {
        }
    }

    @Test
    void collectsEveryAnnotatedMethod() {
        runner.withUserConfiguration(GoodHandlers.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(HandlerRegistry.class).types()).containsExactlyInAnyOrder("ping", "ping_with_envelope");
        });
    }

    @Test
    void failsOnTwoHandlersForOneType() {
        runner.withUserConfiguration(GoodHandlers.class, AnotherPingHandler.class).run(context ->
                assertThat(context).getFailure()
                        .hasMessageContaining("Two @MessageHandler methods for type 'ping'")
                        .hasMessageContaining("GoodHandlers.ping").hasMessageContaining("AnotherPingHandler.ping"));
    }

    @Test
    void failsOnTwoBodyParameters() {
        assertBadSignature(TwoBodies.class, "neither the body record nor an Envelope");
    }

    @Test
    void failsOnABodyThatIsNotARecord() {
        assertBadSignature(NotARecord.class, "String is neither the body record nor an Envelope");
    }

    @Test
    void failsOnAReplyWithoutMessageType() {
        assertBadSignature(UntypedReply.class, "must return void or a @MessageType record, not Ping");
    }

    @Test
    void failsOnAHandlerWithoutBody() {
        assertBadSignature(NoBody.class, "must take one body record");
    }

    @Test
    void failsOnAPrivateHandler() {
        // Spring AOT calls handlers from generated code in the bean's package: both paths refuse it.
        assertBadSignature(PrivateHandler.class, "may be private");
    }

    @Test
    void failsOnAPrivateBodyRecord() {
        assertBadSignature(PrivateBody.class, "may be private");
    }

    private void assertBadSignature(Class<?> handlers, String why) {
        runner.withUserConfiguration(handlers).run(context ->
                assertThat(context).getFailure()
                        .hasMessageContaining("has a bad signature").hasMessageContaining(why));
    }
}
