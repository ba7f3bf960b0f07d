package io.glomers.bench.sim;

import io.glomers.testing.VirtualTime;
import io.glomers.BroadcastNodeApplication;
import io.glomers.broadcast.BroadcastProperties;
import io.glomers.runtime.LineSink;
import io.glomers.runtime.StdinPump;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds nodes for the simulator from the application's own components, in a lean context each:
 * a Spring Boot context costs ~100 ms, a lean one ~10 ms, and a swarm starts thousands. What Boot
 * would add (bound properties, the configured JSON mapper) comes from one Boot context per profile,
 * started once per JVM. Only the edges differ from production: stdout is the simulated network,
 * the event loop runs on virtual time, and randomness comes from the run's seed.
 */
public final class SimNodeFactory {

    private static final List<Class<?>> COMPONENTS = scanComponents();
    private static final Map<String, Wiring> WIRING = new ConcurrentHashMap<>();

    private final Wiring wiring;

    /** What Boot contributes: the configured mapper and every bound {@code @ConfigurationProperties}. */
    private record Wiring(JsonMapper mapper, Map<String, Object> properties) {
    }

    /**
     * @param profile    a Spring profile of config/ (blank for the defaults)
     * @param overrides  extra properties, {@code name=value}
     */
    public SimNodeFactory(String profile, String... overrides) {
        String key = profile + "|" + String.join("|", overrides);
        this.wiring = WIRING.computeIfAbsent(key, ignored -> bootOnce(profile, overrides));
    }

    public SimNode start(String id, VirtualTime time, long seed, Consumer<String> output) {
        VirtualEventLoop loop = new VirtualEventLoop(time);
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        var beans = context.getBeanFactory();
        beans.registerSingleton("jsonMapper", wiring.mapper());
        wiring.properties().forEach(beans::registerSingleton);
        beans.registerSingleton("eventLoop", loop);
        beans.registerSingleton("lineSink", (LineSink) output::accept);
        beans.registerSingleton("random", new SplittableRandom(seed));
        COMPONENTS.forEach(context::registerBean);
        context.refresh();
        return new SimNode(id, context, loop);
    }

    public BroadcastProperties broadcastProperties() {
        return wiring.properties().values().stream().filter(BroadcastProperties.class::isInstance)
                .map(BroadcastProperties.class::cast).findFirst().orElseThrow();
    }

    private static Wiring bootOnce(String profile, String... overrides) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(BroadcastNodeApplication.class)
                .web(WebApplicationType.NONE)
                .properties("node.runtime.read-stdin=false")
                .initializers(context -> context.getBeanFactory().registerSingleton("lineSink", (LineSink) line -> { }));
        if (!profile.isBlank()) {
            builder.profiles(profile);
        }
        // As command-line arguments, overrides outrank the profile's files (builder properties would not).
        String[] arguments = Arrays.stream(overrides).map(override -> "--" + override).toArray(String[]::new);
        try (ConfigurableApplicationContext boot = builder.run(arguments)) {
            return new Wiring(boot.getBean(JsonMapper.class),
                    Map.copyOf(boot.getBeansWithAnnotation(ConfigurationProperties.class)));
        }
    }

    // The node's components, minus the stdin pump (the simulator feeds the inbox) and the
    // configuration of production edges (the simulator registers its own).
    private static List<Class<?>> scanComponents() {
        var scanner = new ClassPathScanningCandidateComponentProvider(true);
        List<Class<?>> components = new ArrayList<>();
        String root = BroadcastNodeApplication.class.getPackageName();
        for (BeanDefinition candidate : scanner.findCandidateComponents(root)) {
            Class<?> type = load(candidate.getBeanClassName());
            boolean production = type.getProtectionDomain().getCodeSource().equals(
                    BroadcastNodeApplication.class.getProtectionDomain().getCodeSource());
            if (production && type != StdinPump.class && !type.isAnnotationPresent(Configuration.class)
                    && type != BroadcastNodeApplication.class) {
                components.add(type);
            }
        }
        return List.copyOf(components);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
