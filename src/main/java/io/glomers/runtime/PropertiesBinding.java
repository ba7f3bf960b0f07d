package io.glomers.runtime;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Binds an immutable {@code @ConfigurationProperties} record in a {@code @Bean} method, the way
 * Boot's own binding does for constructor-bound types (defaults from {@code @DefaultValue}, relaxed
 * names, Boot's conversions of durations and sizes), but without Boot's scanning registrar and
 * binding post-processor, which look at every bean the context creates: binding was ~19 % of bean
 * creation at start-up (issue #15). Each record names its prefix once, as a constant its annotation
 * uses too; {@code TunablesBoundTest} fails when a record is declared but no {@code @Bean} binds it.
 */
public final class PropertiesBinding {

    private PropertiesBinding() {
    }

    public static <T> T bind(Environment environment, String prefix, Class<T> type) {
        return Binder.get(environment).bindOrCreate(prefix, type);
    }
}
