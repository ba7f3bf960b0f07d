package io.glomers.runtime;

import java.lang.reflect.RecordComponent;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;

/**
 * Binds an immutable {@code @ConfigurationProperties} record in a {@code @Bean} method, the way
 * Boot's own binding does for constructor-bound types (relaxed names, Boot's conversions of
 * durations and sizes), but without Boot's scanning registrar and binding post-processor, which look
 * at every bean the context creates: binding was ~19 % of bean creation at start-up (issue #15).
 * Each record names its prefix once, as a constant its annotation uses too; {@code TunablesBoundTest}
 * fails when a record is declared but no {@code @Bean} binds it.
 *
 * <p>Defaults have one home, {@code config/application.properties}: records carry none (no
 * {@code @DefaultValue}, no default in a constructor), and binding fails naming the first property
 * that is not set, rather than letting Java's zero, false or null stand in for a default.
 */
public final class PropertiesBinding {

    private PropertiesBinding() {
    }

    public static <T> T bind(Environment environment, String prefix, Class<T> type) {
        requireEverySet(ConfigurationPropertySources.get(environment), prefix, type);
        return Binder.get(environment).bindOrCreate(prefix, type);
    }

    /** Every leaf of the record, nested records walked, must be set in some source. */
    private static void requireEverySet(Iterable<ConfigurationPropertySource> sources, String prefix, Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            if (component.getType().isRecord()) {
                requireEverySet(sources, name, component.getType());
            } else if (!isSet(sources, ConfigurationPropertyName.of(name))) {
                throw new IllegalStateException(name + " is not set: every tunable has its default in"
                        + " config/application.properties, the node's config location");
            }
        }
    }

    private static boolean isSet(Iterable<ConfigurationPropertySource> sources, ConfigurationPropertyName name) {
        for (ConfigurationPropertySource source : sources) {
            if (source.getConfigurationProperty(name) != null) {
                return true;
            }
        }
        return false;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
