package io.glomers.runtime;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;

/**
 * The runtime's replaceable ends (input, output, event loop) and the protocol's JSON rules. A bench
 * or test registers its own {@link LineSink}, {@link ProtocolInput} or {@link EventLoop} before the
 * context refreshes, and these defaults step aside.
 */
@Configuration(proxyBeanMethods = false)
class RuntimeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LineSink lineSink() {
        return new StdoutLineSink();
    }

    @Bean
    @ConditionalOnMissingBean
    ProtocolInput protocolInput() {
        return () -> System.in;
    }

    @Bean
    @ConditionalOnMissingBean
    EventLoop eventLoop() {
        return new ThreadEventLoop();
    }

    /** Randomness for node logic; a simulator registers a seeded one to replay runs. */
    @Bean
    @ConditionalOnMissingBean
    RandomGenerator random() {
        return new SplittableRandom();
    }

    /**
     * Bodies bind strictly: a missing or null field, a string where a number belongs or a fraction
     * where an integer belongs is a malformed request, not a silent zero. Unknown fields (such as
     * {@code type} and {@code msg_id}) are fine.
     */
    @Bean
    JsonMapperBuilderCustomizer strictProtocolBinding() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    }
}
