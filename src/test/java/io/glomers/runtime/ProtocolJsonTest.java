package io.glomers.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glomers.broadcast.Gossip;
import io.glomers.broadcast.Plan;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node builds its JSON mapper by hand instead of through Boot's JacksonAutoConfiguration
 * (issue #15). It must stay the mapper Boot would build with the protocol's strict settings: every
 * feature equal, and no module lost that Boot would find (Boot adds only its mixin and
 * {@code @JsonComponent} modules, which are empty here: the node has neither). A Boot or Jackson
 * upgrade that changes a default shows up here.
 */
class ProtocolJsonTest {

    private final JsonMapper ours = new RuntimeConfiguration().jsonMapper();

    @Test
    void equalsTheMapperBootWouldBuildWithTheStrictSettings() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withBean(JsonMapperBuilderCustomizer.class, () -> RuntimeConfiguration::strictBinding)
                .run(context -> {
                    JsonMapper boot = context.getBean(JsonMapper.class);
                    assertSameFeatures(boot, ours);
                    assertThat(modules(ours)).isEmpty();
                    assertThat(modules(boot)).allMatch(name -> name.startsWith("org.springframework.boot.jackson."));
                });
    }

    @Test
    void everyNodeInTheJvmSharesTheMapperAndSoItsSerializers() {
        JsonMapper anotherNodes = new RuntimeConfiguration().jsonMapper();
        assertThat(anotherNodes).isSameAs(ours);
    }

    record Body(long message, String note) {
    }

    @Test
    void bindsBodiesStrictly() {
        assertThat(ours.readValue("{\"message\":3,\"note\":\"x\",\"type\":\"broadcast\"}", Body.class).message()).isEqualTo(3);
        assertThatThrownBy(() -> ours.readValue("{\"message\":3}", Body.class)).as("a missing field")
                .hasMessageContaining("note");
        assertThatThrownBy(() -> ours.readValue("{\"message\":3,\"note\":null}", Body.class)).as("a null field")
                .hasMessageContaining("note");
        assertThatThrownBy(() -> ours.readValue("{\"message\":null,\"note\":\"x\"}", Body.class)).as("a null number")
                .hasMessageContaining("message");
    }

    @Test
    void aFieldABodyDeclaresOptionalMayBeLeftOutButNotNull() {
        var gossip = ours.readValue("{\"epoch\":1,\"peer_epoch\":0,\"values\":[],\"have\":[]}", Gossip.class);
        assertThat(gossip.sent()).isNull();
        assertThat(gossip.plan()).isNull();
        var stamped = ours.readValue("{\"epoch\":1,\"peer_epoch\":0,\"values\":[],\"have\":[],\"sent\":5,"
                + "\"plan\":{\"seq\":2,\"shape\":\"DIRECT\",\"linger\":0,\"interval\":0}}", Gossip.class);
        assertThat(stamped.sent()).isEqualTo(5);
        assertThat(stamped.plan()).isEqualTo(new Plan(2, Plan.Shape.DIRECT, 0, 0));
        assertThat(ours.readValue("{\"epoch\":1,\"peer_epoch\":0,\"values\":[],\"have\":[],\"reads\":[3,1500]}",
                Gossip.class).reads()).containsExactly(3, 1_500);
        assertThatThrownBy(() -> ours.readValue("{\"epoch\":1,\"peer_epoch\":0,\"values\":[],\"have\":[],\"relay\":null}",
                Gossip.class)).hasMessageContaining("relay");
        assertThat(ours.writeValueAsString(new Gossip(1, 0, new long[0], new long[0][]))).doesNotContain("sent", "plan", "relay", "reads");
    }

    private static void assertSameFeatures(JsonMapper expected, JsonMapper actual) {
        var in = expected.deserializationConfig();
        var ourIn = actual.deserializationConfig();
        var out = expected.serializationConfig();
        var ourOut = actual.serializationConfig();
        assertSame(DeserializationFeature.values(), f -> in.isEnabled(f), f -> ourIn.isEnabled(f));
        assertSame(StreamReadFeature.values(), f -> in.isEnabled(f), f -> ourIn.isEnabled(f));
        assertSame(SerializationFeature.values(), f -> out.isEnabled(f), f -> ourOut.isEnabled(f));
        assertSame(StreamWriteFeature.values(), f -> out.isEnabled(f), f -> ourOut.isEnabled(f));
        assertSame(MapperFeature.values(), f -> in.isEnabled(f), f -> ourIn.isEnabled(f));
        assertSame(DateTimeFeature.values(), f -> in.isEnabled(f), f -> ourIn.isEnabled(f));
        assertSame(EnumFeature.values(), f -> in.isEnabled(f), f -> ourIn.isEnabled(f));
        assertSame(JsonNodeFeature.values(), f -> in.isEnabled(f), f -> ourIn.isEnabled(f));
        assertThat(actual.serializationConfig().getDefaultPropertyInclusion(Object.class))
                .isEqualTo(expected.serializationConfig().getDefaultPropertyInclusion(Object.class));
    }

    private static <F> void assertSame(F[] features, Predicate<F> expected, Predicate<F> actual) {
        List<F> differing = Arrays.stream(features).filter(f -> expected.test(f) != actual.test(f)).toList();
        assertThat(differing).as("features set differently from Boot's mapper").isEmpty();
    }

    private static List<String> modules(JsonMapper mapper) {
        return mapper.registeredModules().stream().map(JacksonModule::getClass).map(Class::getName).toList();
    }
}
