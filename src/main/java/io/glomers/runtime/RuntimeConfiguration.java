package io.glomers.runtime;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.env.Environment;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runtime's replaceable ends (input, output, event loop), its tunables and the protocol's JSON
 * rules. A bench
 * or test registers its own {@link LineSink}, {@link ProtocolInput} or {@link EventLoop} before the
 * context refreshes, and these defaults step aside.
 */
@Configuration(proxyBeanMethods = false)
class RuntimeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LineSink lineSink(ObjectProvider<HostedProcess> hosted) {
        HostedProcess process = hosted.getIfAvailable();
        return process == null ? new StdoutLineSink() : new StdoutLineSink(process.stdout());
    }

    @Bean
    @ConditionalOnMissingBean
    ProtocolInput protocolInput() {
        return () -> System.in;
    }

    @Bean
    @ConditionalOnMissingBean
    EventLoop eventLoop(RuntimeProperties properties) {
        return new ThreadEventLoop(properties.lagWarning());
    }

    /** The process the node answers for; a host registers its launcher's. */
    @Bean
    @ConditionalOnMissingBean
    NodeProcess nodeProcess(ObjectProvider<HostedProcess> hosted) {
        HostedProcess process = hosted.getIfAvailable();
        return process == null ? NodeProcess.current() : process.process();
    }

    /** Randomness for node logic; a simulator registers a seeded one to replay runs. */
    @Bean
    @ConditionalOnMissingBean
    RandomGenerator random() {
        return new SplittableRandom();
    }

    @Bean
    RuntimeProperties runtimeProperties(Environment environment) {
        return PropertiesBinding.bind(environment, RuntimeProperties.PREFIX, RuntimeProperties.class);
    }

    /** Named so that the context takes it instead of making its own (see {@link NoMessages}). */
    @Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    MessageSource messageSource() {
        return new NoMessages();
    }

    /**
     * One mapper for every node of the JVM: it is immutable and thread-safe, and it builds each body's serializer
     * and deserializer once, on first use. A mapper of each node's own, in the shared JVM, built them again for
     * every node: 4-5 ms of CPU for a gossip's on each mapper after the first (C1, as the host compiles), and the
     * workload's first messages (broadcast, read and their replies, gossip with values) at every node at once, in
     * the first second, where two JVMs share two cores at their busiest (docs/benchmarks.md).
     */
    private static final JsonMapper PROTOCOL_MAPPER = strictBinding(JsonMapper.builder()).build();

    /**
     * The protocol's mapper, built here rather than by Boot's {@code JacksonAutoConfiguration}: that
     * one adds a builder bean, customizers, Jackson properties, mixin and component modules (none of
     * which this node uses) and ~30 ms of start-up to the same mapper ({@code ProtocolJsonTest}
     * holds the two equal).
     */
    @Bean
    JsonMapper jsonMapper() {
        return PROTOCOL_MAPPER;
    }

    /**
     * Bodies bind strictly: a missing or null field, a string where a number belongs or a fraction
     * where an integer belongs is a malformed request, not a silent zero. Unknown fields (such as
     * {@code type} and {@code msg_id}) are fine. A null in the input fails as it is read rather than
     * once the record's fields are collected, so that a field a body declares optional (an optional
     * {@code @JacksonInject}, which leaves it null when absent) can be left out.
     */
    static JsonMapper.Builder strictBinding(JsonMapper.Builder builder) {
        return builder
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .changeDefaultNullHandling(nulls -> JsonSetter.Value.forValueNulls(Nulls.FAIL))
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    }
}
