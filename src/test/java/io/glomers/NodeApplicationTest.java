package io.glomers;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.broadcast.BroadcastProperties;
import io.glomers.testing.NodeStreams;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as {@code main} builds it, with the trimmed list of Boot listeners and no context
 * initialisers (issue #15): configuration from {@code config/}, profiles, log levels from properties
 * and the {@code debug} profile's trace must all still work.
 */
@ExtendWith(OutputCaptureExtension.class)
class NodeApplicationTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String INIT =
            "{\"src\":\"c0\",\"dest\":\"n1\",\"body\":{\"type\":\"init\",\"msg_id\":1,\"node_id\":\"n1\",\"node_ids\":[\"n1\"]}}";

    @Test
    void readsConfigDataAndAppliesLogLevelsFromProperties() {
        try (ConfigurableApplicationContext context = start()) {
            BroadcastProperties broadcast = context.getBean(BroadcastProperties.class);
            // config/application.properties, not the record's defaults (1500ms, 4s).
            assertThat(broadcast.retransmitTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(broadcast.repairGrace()).isEqualTo(Duration.ofMillis(1500));
            assertThat(LoggerFactory.getLogger("io.glomers.runtime").isInfoEnabled()).isTrue();
            assertThat(LoggerFactory.getLogger("io.glomers.runtime").isDebugEnabled()).isFalse();
            assertThat(LoggerFactory.getLogger("io.glomers.trace").isErrorEnabled()).isFalse();
            assertThat(LoggerFactory.getLogger("org.springframework").isInfoEnabled()).isFalse();
        }
    }

    @Test
    void aProfileOverridesTheDefaults() {
        try (ConfigurableApplicationContext context = start("--spring.profiles.active=fast")) {
            assertThat(context.getEnvironment().getActiveProfiles()).containsExactly("fast");
            assertThat(context.getBean(BroadcastProperties.class).strategy()).isEqualTo(BroadcastProperties.Strategy.DIRECT);
        }
    }

    @Test
    void theDebugProfileTracesEveryMessageInTheConfiguredFormat(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("--spring.profiles.active=debug")) {
            NodeStreams node = context.getBean(NodeStreams.class);
            node.send(INIT);
            assertThat(node.nextLine(WAIT)).contains("init_ok");
            assertThat(LoggerFactory.getLogger("io.glomers.trace").isDebugEnabled()).isTrue();
            // logging.pattern.console: "HH:mm:ss.SSS LEVEL [thread] logger - message"
            assertThat(output.getAll())
                    .containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} DEBUG \\[[^]]+] io\\.glomers\\.trace +- in  \\{\"src\":\"c0\"")
                    .containsPattern("DEBUG \\[[^]]+] io\\.glomers\\.trace +- out \\{\"src\":\"n1\",\"dest\":\"c0\"");
        }
    }

    @Test
    void withoutTheDebugProfileNothingIsTraced(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start()) {
            NodeStreams node = context.getBean(NodeStreams.class);
            node.send(INIT);
            assertThat(node.nextLine(WAIT)).contains("init_ok");
            assertThat(output.getAll()).contains("Initialised as n1").doesNotContain("in  {").doesNotContain("out {");
        }
    }

    /** As main() starts it (the launcher's config location), fed by test streams. */
    private static ConfigurableApplicationContext start(String... arguments) {
        SpringApplication application = BroadcastNodeApplication.application();
        application.addInitializers(new NodeStreams.Initializer());
        String[] all = new String[arguments.length + 1];
        all[0] = "--spring.config.location=file:config/";
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return application.run(all);
    }
}
