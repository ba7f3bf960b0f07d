package io.glomers;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where start-up time goes, on stderr, when the JVM runs with {@code -Dnode.startup-trace=true}
 * (e.g. {@code BROADCAST_NODE_JAVA_OPTS=-Dnode.startup-trace=true bin/broadcast-node}): time from
 * process start to {@code main}, Spring's own start-up steps (the slowest first), and the time to a
 * refreshed context. Off by default: recording costs time itself.
 */
final class StartupTrace {

    private final long mainNanos = System.nanoTime();
    private BufferingApplicationStartup startup;

    static StartupTrace ifRequested() {
        return Boolean.getBoolean("node.startup-trace") ? new StartupTrace() : null;
    }

    void attach(SpringApplication application) {
        startup = new BufferingApplicationStartup(10_000);
        application.setApplicationStartup(startup);
    }

    void report(ConfigurableApplicationContext context) {
        long runMillis = (System.nanoTime() - mainNanos) / 1_000_000;
        PrintStream err = System.err;
        // JMX is loaded only now, after the measured part.
        long toMain = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                - (System.nanoTime() - mainNanos) / 1_000_000;
        err.printf("[startup-trace] JVM start -> main: %d ms; main -> context ready: %d ms; "
                + "%d bean definitions%n", toMain, runMillis, context.getBeanDefinitionCount());
        StartupTimeline timeline = startup.getBufferedTimeline();
        List<StartupTimeline.TimelineEvent> events = new ArrayList<>(timeline.getEvents());
        events.sort(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed());
        events.stream().limit(25).forEach(event -> err.printf("[startup-trace] %5d ms  %s %s%n",
                event.getDuration().toMillis(), event.getStartupStep().getName(), tags(event)));
    }

    private static String tags(StartupTimeline.TimelineEvent event) {
        StringBuilder text = new StringBuilder();
        event.getStartupStep().getTags().forEach(tag -> text.append(tag.getKey()).append('=').append(tag.getValue()).append(' '));
        return text.toString().trim();
    }
}
