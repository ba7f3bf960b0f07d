package io.glomers;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.runtime.HandlerRegistry;
import io.glomers.testing.NodeStreams;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.MessageSourceSupport;

/**
 * Start-up regression guard (issue #5), not a timed test: the node's context holds only the
 * framework beans agreed here, on top of the application's own (io.glomers) beans. A new
 * auto-configuration or a broad component scan shows up as a failure that names the new beans;
 * when one is really needed, add it to {@link #AGREED_FRAMEWORK_BEANS} and measure the start-up
 * again (bin/startup-bench, docs/benchmarks.md).
 */
class LeanContextTest {

    /** Property placeholders and Spring's annotation processing. */
    static final Set<String> AGREED_FRAMEWORK_BEANS = Set.of(
            "org.springframework.context.annotation.internalConfigurationAnnotationProcessor",
            "org.springframework.context.annotation.internalAutowiredAnnotationProcessor",
            "org.springframework.context.annotation.internalCommonAnnotationProcessor",
            "org.springframework.context.event.internalEventListenerProcessor",
            "org.springframework.context.event.internalEventListenerFactory",
            "org.springframework.boot.autoconfigure.AutoConfigurationPackages",
            "org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration",
            "propertySourcesPlaceholderConfigurer",
            // The node's randomness (a JDK type, declared by RuntimeConfiguration): the simulator's seam.
            "random",
            // The protocol's JSON mapper (a Jackson type, declared by RuntimeConfiguration).
            "jsonMapper");

    @Test
    void holdsNoFrameworkBeansBeyondTheAgreedSet() {
        try (ConfigurableApplicationContext context = start(false)) {
            List<String> framework = Arrays.stream(context.getBeanDefinitionNames())
                    .filter(name -> !isApplicationBean(context, name))
                    .toList();
            assertThat(framework).as("framework beans outside the agreed set").isSubsetOf(AGREED_FRAMEWORK_BEANS);
        }
    }

    @Test
    void findsEveryHandlerWithLazyInitialisation() {
        try (ConfigurableApplicationContext context = start(true)) {
            assertThat(context.getBean(HandlerRegistry.class).types())
                    .contains("init", "topology", "broadcast", "read");
        }
    }

    @Test
    void resolvesMessagesWithoutSpringsDefaultMessageSource() {
        // The default one costs ~13 % of start-up (it enumerates the JVM's locales); see NoMessages.
        try (ConfigurableApplicationContext context = start(false)) {
            assertThat(context.getMessage("any.code", null, "fallback", Locale.ROOT)).isEqualTo("fallback");
            assertThat(context.getBean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME))
                    .isNotInstanceOf(MessageSourceSupport.class);
        }
    }

    /** The application as main() starts it, with the launcher's configuration, fed by test streams. */
    private static ConfigurableApplicationContext start(boolean lazy) {
        SpringApplication application = BroadcastNodeApplication.application();
        application.addInitializers(new NodeStreams.Initializer());
        return application.run("--spring.config.location=file:config/",
                "--spring.main.lazy-initialization=" + lazy, "--node.runtime.read-stdin=false");
    }

    private static boolean isApplicationBean(ConfigurableApplicationContext context, String name) {
        Class<?> type = context.getBeanFactory().getType(name, false);
        return type != null && type.getPackageName().startsWith("io.glomers") || name.equals("nodeStreams");
    }
}
