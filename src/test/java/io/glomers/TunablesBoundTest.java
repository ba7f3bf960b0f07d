package io.glomers;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.testing.NodeStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The node binds its {@code @ConfigurationProperties} records in {@code @Bean} methods instead of
 * Boot's scanning (issue #15), so nothing binds a new record by itself. Every such record of the
 * application must be a bean of the context as main() starts it, bound from the prefix its own
 * annotation names: equal to what Boot's binder makes of that prefix. The overrides give each prefix
 * a value that differs from its default, so that a bean bound from the wrong prefix differs too.
 */
class TunablesBoundTest {

    @Test
    void everyConfigurationPropertiesRecordIsBoundFromItsPrefix() {
        List<Class<?>> types = configurationPropertiesTypes();
        assertThat(types).as("the application's @ConfigurationProperties types").hasSizeGreaterThanOrEqualTo(3);
        SpringApplication application = BroadcastNodeApplication.application();
        application.addInitializers(new NodeStreams.Initializer());
        try (ConfigurableApplicationContext context = application.run(
                "--spring.config.location=file:config/", "--node.runtime.read-stdin=false",
                "--node.runtime.max-line-length=2MB", "--broadcast.hub=n2", "--broadcast.journal.run-id=bound")) {
            Binder binder = Binder.get(context.getEnvironment());
            for (Class<?> type : types) {
                Map<String, ?> beans = context.getBeansOfType(type);
                assertThat(beans).as("beans of %s", type.getSimpleName()).hasSize(1);
                Object expected = binder.bindOrCreate(prefix(type), type);
                assertThat(beans.values().iterator().next()).as("%s bound from '%s'", type.getSimpleName(), prefix(type))
                        .isEqualTo(expected);
            }
        }
    }

    private static String prefix(Class<?> type) {
        return MergedAnnotations.from(type).get(ConfigurationProperties.class).getString("prefix");
    }

    private static List<Class<?>> configurationPropertiesTypes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> types = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(BroadcastNodeApplication.class.getPackageName())) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                if (type.getProtectionDomain().getCodeSource().equals(
                        BroadcastNodeApplication.class.getProtectionDomain().getCodeSource())) {
                    types.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return types;
    }
}
