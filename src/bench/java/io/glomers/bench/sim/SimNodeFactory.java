package io.glomers.bench.sim;

import io.glomers.BroadcastNodeApplication;
import io.glomers.bench.nodes.InProcessNode;
import io.glomers.bench.sched.VirtualTime;
import io.glomers.broadcast.JournalProperties;
import io.glomers.runtime.LineSink;
import io.glomers.runtime.NodeProcess;
import io.glomers.runtime.StdinPump;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ScannedGenericBeanDefinition;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds nodes for the simulator from the application's own components, in a lean context each:
 * a Spring Boot context costs ~100 ms, a lean one ~10 ms, and a swarm starts thousands. What Boot
 * would add (bound properties, the configured JSON mapper) comes from one Boot context per profile,
 * started once per JVM. Only the edges differ from production: stdout is the simulated network,
 * the event loop runs on virtual time, and randomness comes from the run's seed.
 */
public final class SimNodeFactory {

    private static final Map<String, Wiring> WIRING = new ConcurrentHashMap<>();

    private final Wiring wiring;

    /**
     * What Boot contributes: the configured mapper, every bound {@code @ConfigurationProperties},
     * and the node's components as the application's own component scan found them.
     */
    private record Wiring(JsonMapper mapper, Map<String, Object> properties, List<Class<?>> components) {
    }

    /**
     * @param profile    a Spring profile of config/ (blank for the defaults)
     * @param overrides  extra properties, {@code name=value}
     */
    public SimNodeFactory(String profile, String... overrides) {
        String key = profile + "|" + String.join("|", overrides);
        this.wiring = WIRING.computeIfAbsent(key, ignored -> bootOnce(profile, overrides));
    }

    private SimNodeFactory(Wiring wiring) {
        this.wiring = wiring;
    }

    /**
     * These nodes, journalling under a run id of their own ({@code run} appended): runs side by side in one
     * JVM (a swarm on several threads) would otherwise share n1's journal, and a node would recover, or
     * delete, another run's acknowledged values.
     */
    public SimNodeFactory forRun(String run) {
        Map<String, Object> properties = new HashMap<>(wiring.properties());
        properties.replaceAll((name, bean) -> bean instanceof JournalProperties journal
                ? new JournalProperties(journal.enabled(), journal.dir(), (journal.runId().isBlank() ? "sim" : journal.runId()) + "-" + run)
                : bean);
        return new SimNodeFactory(new Wiring(wiring.mapper(), Map.copyOf(properties), wiring.components()));
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
        // The bench's own process: a simulated node's journal belongs to the bench's run.
        beans.registerSingleton("nodeProcess", NodeProcess.current());
        wiring.components().forEach(context::registerBean);
        context.refresh();
        return new SimNode(id, context, loop);
    }

    /** The bound {@code @ConfigurationProperties} of {@code type} these nodes are built with. */
    public <T> T properties(Class<T> type) {
        return wiring.properties().values().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    private static Wiring bootOnce(String profile, String... overrides) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(BroadcastNodeApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(context -> context.getBeanFactory().registerSingleton("lineSink", (LineSink) line -> { }));
        if (!profile.isBlank()) {
            builder.profiles(profile);
        }
        // As command-line arguments, overrides outrank the profile's files (builder properties would not).
        // So does not reading stdin: config/, found when run from the project's root, turns it on, and
        // this context's pump would take the bench's own stdin until the context closed under it.
        String[] arguments = Stream.concat(Stream.of(InProcessNode.NO_STDIN), Arrays.stream(overrides).map(override -> "--" + override))
                .toArray(String[]::new);
        try (ConfigurableApplicationContext boot = builder.run(arguments)) {
            return new Wiring(boot.getBean(JsonMapper.class),
                    Map.copyOf(boot.getBeansWithAnnotation(ConfigurationProperties.class)), components(boot));
        }
    }

    // The beans the application's @ComponentScan registered (its filters keep tests' classes out),
    // in the scan's order, minus the stdin pump (the simulator feeds the inbox) and the
    // configuration of production edges (the simulator registers its own).
    private static List<Class<?>> components(ConfigurableApplicationContext boot) {
        var beans = boot.getBeanFactory();
        List<Class<?>> components = new ArrayList<>();
        for (String name : beans.getBeanDefinitionNames()) {
            if (beans.getBeanDefinition(name) instanceof ScannedGenericBeanDefinition scanned) {
                Class<?> type = load(scanned.getBeanClassName());
                if (type != StdinPump.class && !type.isAnnotationPresent(Configuration.class)) {
                    components.add(type);
                }
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
