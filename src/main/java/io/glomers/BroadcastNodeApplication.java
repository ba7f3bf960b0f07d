package io.glomers;

import io.glomers.runtime.NodeLifecycle;
import java.io.PrintStream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** A Maelstrom node for the broadcast workload: protocol on stdin/stdout, logs on stderr. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BroadcastNodeApplication {

    public static void main(String[] args) {
        // Stdout belongs to the protocol. Anything that prints to System.out by accident (a library,
        // a stray debug print) lands on stderr instead; the outbox writes to the real stdout descriptor.
        PrintStream stray = System.err;
        System.setOut(stray);
        ConfigurableApplicationContext context = SpringApplication.run(BroadcastNodeApplication.class, args);
        int exitCode = context.getBean(NodeLifecycle.class).awaitEndOfInput();
        System.exit(SpringApplication.exit(context, () -> exitCode));
    }
}
