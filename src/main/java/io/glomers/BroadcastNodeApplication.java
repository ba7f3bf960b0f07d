package io.glomers;

import io.glomers.host.NodeHost;
import io.glomers.runtime.EarlyStdin;
import io.glomers.runtime.NodeLifecycle;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.support.EnvironmentPostProcessorApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * A Maelstrom node for the broadcast workload: protocol on stdin/stdout, logs on stderr.
 *
 * <p>Not {@code @SpringBootApplication}: a node needs only JSON and logging, so instead of every
 * auto-configuration on the classpath (task executors, schedulers, SSL, AOP, project info...) it
 * imports the one it uses, which keeps start-up short (issues #5, #15); the JSON mapper is the
 * runtime's own bean. Logging is not an auto-configuration (Spring Boot's logging listener sets it
 * up). Component scanning covers this package only, with the same filters as
 * {@code @SpringBootApplication} so that tests' {@code @TestConfiguration} classes stay out.
 * {@code @AutoConfigurationPackage} tells the handler discovery which beans are the application's
 * own. Add an auto-configuration here when a feature needs one; {@code LeanContextTest} lists the
 * beans the context may hold.
 */
@SpringBootConfiguration
@AutoConfigurationPackage
@ImportAutoConfiguration(PropertyPlaceholderAutoConfiguration.class)
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
public class BroadcastNodeApplication {

    public static void main(String[] args) throws java.io.IOException {
        if (NodeHost.requested()) {
            // bin/broadcast-node starts one JVM that runs every node of the machine (io.glomers.host).
            NodeHost.run(BroadcastNodeApplication::application, args);
            return;
        }
        // Stdout belongs to the protocol. Anything that prints to System.out by accident (a library,
        // a stray debug print) lands on stderr instead; the outbox writes to the real stdout descriptor.
        PrintStream stray = System.err;
        System.setOut(stray);
        // Maelstrom's init and topology deadlines run from now, not from when the context is ready (EarlyStdin).
        EarlyStdin stdin = EarlyStdin.start(System.in, new FileOutputStream(FileDescriptor.out), EarlyStdin.Deadlines.MAELSTROM);
        StartupTrace trace = StartupTrace.ifRequested();
        SpringApplication application = application();
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("earlyStdin", stdin));
        if (trace != null) {
            trace.attach(application);
        }
        ConfigurableApplicationContext context = application.run(args);
        if (trace != null) {
            trace.report(context);
        }
        int exitCode = context.getBean(NodeLifecycle.class).awaitEndOfInput();
        System.exit(SpringApplication.exit(context, () -> exitCode));
    }

    /**
     * The application as {@code main} runs it. Of the seven listeners and five context initialisers
     * that Boot's {@code spring.factories} register, the node needs two listeners: the environment
     * post-processors (config data: {@code config/}, profiles, environment variables) and logging.
     * The rest serve features it does not have (context ids, {@code base64:} resources, parent
     * contexts, ANSI output, the condition report, cache clearing, background pre-initialisation);
     * running them cost 10-30 ms of CPU per start (issue #15, docs/benchmarks.md). {@code NodeApplicationTest} shows profiles,
     * config data, log levels and the debug trace still work.
     */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(BroadcastNodeApplication.class);
        application.setListeners(List.of(new EnvironmentPostProcessorApplicationListener(), new LoggingApplicationListener()));
        application.setInitializers(List.of());
        return application;
    }
}
