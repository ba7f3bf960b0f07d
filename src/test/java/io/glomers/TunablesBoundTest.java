package io.glomers;

import io.glomers.runtime.PropertiesBinding;
import io.glomers.testing.ShippedConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.util.Properties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /**
     * One rule for defaults: they live in config/application.properties only. A record that declares
     * one itself ({@code @DefaultValue}, or a constructor that fills in a missing value) breaks the
     * rule; so does a property the file does not set, which Java would fill with zero, false or null.
     * Taking each property out of the shipped file in turn must fail the binding, naming it.
     */
    @Test
    void everyTunableHasItsDefaultInTheShippedFileAndNowhereElse() {
        List<String> leaves = new ArrayList<>();
        for (Class<?> type : configurationPropertiesTypes()) {
            leaves.addAll(PropertiesBinding.leaves(prefix(type), type));
        }
        assertThat(leaves).as("every tunable").hasSizeGreaterThanOrEqualTo(15).contains("broadcast.hub",
                "broadcast.relay.min-interval", "broadcast.journal.dir", "node.runtime.read-stdin");
        Map<String, Object> shipped = shippedFile();
        for (String leaf : leaves) {
            assertThat(shipped).as("config/application.properties sets %s", leaf).containsKey(leaf);
            Map<String, Object> without = new java.util.HashMap<>(shipped);
            without.remove(leaf);
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().addFirst(new MapPropertySource("without " + leaf, without));
            Class<?> type = configurationPropertiesTypes().stream().filter(t -> leaf.startsWith(prefix(t) + "."))
                    .max(java.util.Comparator.comparing(t -> prefix(t).length())).orElseThrow();
            assertThatThrownBy(() -> PropertiesBinding.bind(environment, prefix(type), type))
                    .as("binding %s without %s", type.getSimpleName(), leaf).hasMessageContaining(leaf);
        }
    }

    @Test
    void noRecordDeclaresADefaultOfItsOwn() {
        for (Class<?> type : configurationPropertiesTypes()) {
            for (Class<?> record : records(type)) {
                for (RecordComponent component : record.getRecordComponents()) {
                    assertThat(component.getAnnotation(DefaultValue.class)).as("@DefaultValue on %s.%s", record.getSimpleName(),
                            component.getName()).isNull();
                    for (Parameter parameter : record.getDeclaredConstructors()[0].getParameters()) {
                        assertThat(parameter.getAnnotation(DefaultValue.class)).as("@DefaultValue on %s(%s)",
                                record.getSimpleName(), parameter.getName()).isNull();
                    }
                }
            }
        }
    }

    private static List<Class<?>> records(Class<?> type) {
        List<Class<?>> records = new ArrayList<>(List.of(type));
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType().isRecord()) {
                records.addAll(records(component.getType()));
            }
        }
        return records;
    }

    private static Map<String, Object> shippedFile() {
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(ShippedConfig.FILE)) {
            file.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> shipped = new java.util.HashMap<>();
        file.stringPropertyNames().forEach(name -> shipped.put(name, file.getProperty(name)));
        return shipped;
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
