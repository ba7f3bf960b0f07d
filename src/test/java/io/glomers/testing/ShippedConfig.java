package io.glomers.testing;

import io.glomers.broadcast.BroadcastProperties;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import io.glomers.runtime.PropertiesBinding;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The tunables as the node ships them, {@code config/application.properties}, bound as the node
 * binds them ({@link PropertiesBinding}: placeholders resolved, every property required), with a
 * test's overrides on top: tests start from the one source of defaults instead
 * of a copy of their own.
 */
public final class ShippedConfig {

    /** Relative to the project root, where Maven runs the tests. */
    public static final Path FILE = Path.of("config/application.properties");

    private ShippedConfig() {
    }

    /**
     * For a context a test builds by hand ({@code ApplicationContextRunner}): the shipped file as the
     * last property source, as the node's own config location would give it.
     */
    public static ApplicationContextInitializer<ConfigurableApplicationContext> initializer() {
        return context -> {
            try {
                context.getEnvironment().getPropertySources().addLast(
                        new ResourcePropertySource(new FileSystemResource(FILE.toFile())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** The broadcast tunables, with overrides {@code name=value} (e.g. {@code broadcast.ack-delay=2s}). */
    public static BroadcastProperties broadcast(String... overrides) {
        return bind(BroadcastProperties.PREFIX, BroadcastProperties.class, overrides);
    }

    public static <T> T bind(String prefix, Class<T> type, String... overrides) {
        Map<String, Object> properties = new LinkedHashMap<>();
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(FILE)) {
            file.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file.stringPropertyNames().forEach(name -> properties.put(name, file.getProperty(name)));
        for (String override : overrides) {
            int equals = override.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("not name=value: " + override);
            }
            properties.put(override.substring(0, equals), override.substring(equals + 1));
        }
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("shipped config and overrides", Map.copyOf(properties)));
        return PropertiesBinding.bind(environment, prefix, type);
    }
}
