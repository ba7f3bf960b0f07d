package io.glomers.runtime;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
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

    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

    private PropertiesBinding() {
    }

    public static <T> T bind(Environment environment, String prefix, Class<T> type) {
        requireEverySet(ConfigurationPropertySources.get(environment), prefix, type);
        return Binder.get(environment).bindOrCreate(prefix, type);
    }

    /** Every leaf of the record, nested records walked, must be set in some source. */
    private static void requireEverySet(Iterable<ConfigurationPropertySource> sources, String prefix, Class<?> type) {
        for (String name : leaves(prefix, type)) {
            if (!isSet(sources, ConfigurationPropertyName.of(name))) {
                throw new IllegalStateException(name + " is not set: every tunable has its default in"
                        + " config/application.properties, the node's config location");
            }
        }
    }

    /** The names of a record's tunables under {@code prefix}, nested records walked: {@code broadcast.relay.min-interval}. */
    public static List<String> leaves(String prefix, Class<?> type) {
        List<String> leaves = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + CAMEL_HUMP.matcher(component.getName()).replaceAll("$1-$2").toLowerCase(Locale.ROOT);
            if (component.getType().isRecord()) {
                leaves.addAll(leaves(name, component.getType()));
            } else {
                leaves.add(name);
            }
        }
        return leaves;
    }

    private static boolean isSet(Iterable<ConfigurationPropertySource> sources, ConfigurationPropertyName name) {
        for (ConfigurationPropertySource source : sources) {
            if (source.getConfigurationProperty(name) != null) {
                return true;
            }
        }
        return false;
    }

}
