package io.glomers.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.testing.ShippedConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.support.ResourcePropertySource;

/** The tunables bind from config/ for every profile, and nonsense stops the node with a clear message. */
class BroadcastPropertiesTest {

    private final ApplicationContextRunner bare =
            new ApplicationContextRunner().withUserConfiguration(BroadcastConfiguration.class);
    /** The shipped defaults below a test's own properties, as the node has them. */
    private final ApplicationContextRunner runner = bare.withInitializer(context -> addLast(context.getEnvironment(), ""));

    private static void addLast(ConfigurableEnvironment environment, String profile) {
        try {
            String name = profile.isEmpty() ? "application" : "application-" + profile;
            environment.getPropertySources().addLast(new ResourcePropertySource(
                    new FileSystemResource("config/" + name + ".properties")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fast", "balanced", "lean"})
    void everyProfileBinds(String profile) {
        bare.withInitializer(context -> {
            if (!profile.isEmpty()) {
                addLast(context.getEnvironment(), profile);
            }
            addLast(context.getEnvironment(), "");
        }).run(context -> {
            assertThat(context).hasNotFailed();
            BroadcastProperties properties = context.getBean(BroadcastProperties.class);
            assertThat(properties.retransmitTimeout()).isGreaterThan(properties.ackDelay());
            assertThat(properties.strategy()).isEqualTo(switch (profile) {
                case "" -> BroadcastProperties.Strategy.ADAPTIVE;
                case "fast" -> BroadcastProperties.Strategy.DIRECT;
                default -> BroadcastProperties.Strategy.STAR;
            });
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
    void refusesAMaximumsMarginFloorAboveTheMargin() {
        runner.withPropertyValues("broadcast.objective.max-margin=0.1", "broadcast.objective.max-margin-floor=0.2").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("broadcast.objective.max-margin-floor must be in [0, max-margin], was 0.2 with max-margin 0.1"));
    }

    @Test
    void refusesAnUnknownStrategy() {
        runner.withPropertyValues("broadcast.strategy=carrier-pigeon").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("carrier-pigeon"));
    }

    @Test
    void theDefaultsComeFromTheShippedConfigurationAlone() {
        runner.run(context -> assertThat(context.getBean(BroadcastProperties.class))
                .isEqualTo(ShippedConfig.broadcast())
                .extracting(BroadcastProperties::retransmitTimeout).isEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void withoutTheShippedConfigurationTheStartNamesWhatIsMissing() {
        bare.run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("broadcast.strategy is not set: every tunable has its default in config/application.properties"));
    }

    @Test
    void refusesARepairGraceWithinTheAckDelay() {
        runner.withPropertyValues("broadcast.ack-delay=2s", "broadcast.retransmit-timeout=3s", "broadcast.repair-grace=2s").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("repair-grace (PT2S) must exceed"));
    }
}
