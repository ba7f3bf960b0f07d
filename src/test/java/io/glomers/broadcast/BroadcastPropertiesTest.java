package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.support.ResourcePropertySource;

/** The tunables bind from config/ for every profile, and nonsense stops the node with a clear message. */
class BroadcastPropertiesTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(BroadcastConfiguration.class);

    @ParameterizedTest
    @ValueSource(strings = {"", "fast", "balanced", "lean"})
    void everyProfileBinds(String profile) {
        runner.withInitializer(context -> {
            try {
                StandardEnvironment environment = (StandardEnvironment) context.getEnvironment();
                if (!profile.isEmpty()) {
                    environment.getPropertySources().addLast(new ResourcePropertySource(
                            new FileSystemResource("config/application-" + profile + ".properties")));
                }
                environment.getPropertySources().addLast(new ResourcePropertySource(
                        new FileSystemResource("config/application.properties")));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).run(context -> {
            assertThat(context).hasNotFailed();
            BroadcastProperties properties = context.getBean(BroadcastProperties.class);
            assertThat(properties.retransmitTimeout()).isGreaterThan(properties.ackDelay());
            if (profile.equals("fast")) {
                assertThat(properties.strategy()).isEqualTo(BroadcastProperties.Strategy.DIRECT);
            } else {
                assertThat(properties.strategy()).isEqualTo(BroadcastProperties.Strategy.STAR);
            }
        });
    }

    @Test
    void refusesARetransmitTimeoutShorterThanTheAckDelay() {
        runner.withPropertyValues("broadcast.ack-delay=2s", "broadcast.retransmit-timeout=1s").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("broadcast.retransmit-timeout (PT1S) must exceed broadcast.ack-delay (PT2S)"));
    }

    @Test
    void refusesABackoffCeilingBelowTheTimeout() {
        runner.withPropertyValues("broadcast.retransmit-timeout=5s", "broadcast.max-retransmit-timeout=2s").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("max-retransmit-timeout"));
    }

    @Test
    void refusesNegativeBatching() {
        runner.withPropertyValues("broadcast.relay.min-interval=-5ms").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("min-interval must not be negative"));
    }

    @Test
    void refusesAnUnknownStrategy() {
        runner.withPropertyValues("broadcast.strategy=carrier-pigeon").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("carrier-pigeon"));
    }

    @Test
    void defaultsWithoutAnyConfiguration() {
        runner.run(context -> assertThat(context.getBean(BroadcastProperties.class).maxRetransmitTimeout())
                .isEqualTo(Duration.ofSeconds(3)));
    }

    @Test
    void refusesARepairGraceWithinTheAckDelay() {
        runner.withPropertyValues("broadcast.ack-delay=2s", "broadcast.retransmit-timeout=3s", "broadcast.repair-grace=2s").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("repair-grace (PT2S) must exceed"));
    }
}
