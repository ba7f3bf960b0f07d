package io.glomers.broadcast;

import io.glomers.runtime.PropertiesBinding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The broadcast feature's tunables, bound from the environment (see {@link PropertiesBinding}). */
@Configuration(proxyBeanMethods = false)
class BroadcastConfiguration {

    @Bean
    BroadcastProperties broadcastProperties(Environment environment) {
        return PropertiesBinding.bind(environment, BroadcastProperties.PREFIX, BroadcastProperties.class);
    }

    @Bean
    JournalProperties journalProperties(Environment environment) {
        return PropertiesBinding.bind(environment, JournalProperties.PREFIX, JournalProperties.class);
    }
}
